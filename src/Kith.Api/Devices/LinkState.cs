namespace Kith.Api.Devices;

/// <summary>The states of a device link.</summary>
public enum LinkState
{
    /// <summary>Waiting for the other device.</summary>
    Waiting = 1,

    /// <summary>The account log lists the new device.</summary>
    Linked = 2,

    /// <summary>The link failed; nothing changed.</summary>
    Failed = 3,
}
