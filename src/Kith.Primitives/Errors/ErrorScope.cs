namespace Kith.Primitives.Errors;

/// <summary>
/// How far the damage of an error reaches: what a caller must throw away because of it.
/// Values are persisted and logged, so they are explicit and never renumbered.
/// </summary>
public enum ErrorScope
{
    /// <summary>One input (frame, message, record) is rejected; everything else is intact.</summary>
    Input = 1,

    /// <summary>A cryptographic session (Noise, ratchet) cannot continue and must be re-established.</summary>
    Session = 2,

    /// <summary>A network link must be closed.</summary>
    Link = 3,

    /// <summary>A remote peer misbehaves; links to it should be limited or refused.</summary>
    Peer = 4,

    /// <summary>A local store or resource failed; the operation may be retried later.</summary>
    Local = 5,
}
