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

    /// <summary>Both devices show the confirmation code; waiting for the person to compare and confirm.</summary>
    Confirming = 4,

    /// <summary>No link was started on this node.</summary>
    None = 5,
}
