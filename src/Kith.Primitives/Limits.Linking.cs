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

    /// <summary>
    /// The existing device's wait after its first failed dial of the new device while linking. A new onion
    /// service is often unreachable for a while after it shows its code (its descriptor is still being uploaded to
    /// the hidden-service directories, tor rend-spec-v3), and a direct-mode device may not listen yet: one failed
    /// dial must not end linking, so the dial is retried until the code expires (as Signal's and Element's device
    /// linking keep trying while their QR code is valid). One second answers a device that was merely slow to start.
    /// </summary>
    public const long LinkDialFirstRetryMs = 1_000;

    /// <summary>
    /// The longest wait between dials of the new device (the delay doubles from <see cref="LinkDialFirstRetryMs"/>
    /// up to here). Half a minute is about how long a fresh onion descriptor takes to reach the directories, so a
    /// device that became reachable is found within that; over a code's ten minutes it makes about two dozen dials
    /// in all, few enough not to load tor's circuits.
    /// </summary>
    public const long LinkDialMaxRetryMs = 30_000;
}
