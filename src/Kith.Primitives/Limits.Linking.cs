namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Largest stored contact record a linking copy carries: its fixed fields, a display name and one
    /// acknowledged fork per possible log entry (<see cref="MaxAccountLogEntries"/> ids of 32 bytes).
    /// </summary>
    public const int MaxContactRecordSize = 64 + MaxDisplayNameBytes + (MaxAccountLogEntries * 32);

    /// <summary>
    /// Most bytes of account and history copies a new device holds while being linked: it adopts them all in one
    /// transaction, so they wait in memory. Hundreds of contacts and a few thousand recent messages fit; older
    /// history beyond it is not copied (the existing device stops paging when the next page would not fit).
    /// </summary>
    public const int MaxLinkCopyBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Most account and history copies one linking carries (each is at most one link frame), so a peer cannot
    /// make the new device keep counting small messages for ever.
    /// </summary>
    public const int MaxLinkCopies = 16_384;
}
