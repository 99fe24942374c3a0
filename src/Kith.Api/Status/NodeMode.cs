namespace Kith.Api.Status;

/// <summary>How peers reach the node.</summary>
public enum NodeMode
{
    /// <summary>Through an onion service of a tor the node started itself.</summary>
    Tor = 1,

    /// <summary>Through an onion service of a tor that was already running (<c>--tor-control</c>).</summary>
    ExistingTor = 2,

    /// <summary>Plain TCP on loopback, for development: NOT ANONYMOUS.</summary>
    Direct = 3,
}
