namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Most account-log entries one account update carries. A whole log (<see cref="MaxAccountLogEntries"/>) is
    /// split into several updates, so each stays far below <see cref="MaxDeliveryPayloadBytes"/>
    /// (64 entries of at most <see cref="MaxAccountEntrySize"/> is 64 KiB) and a receiver validates a bounded batch.
    /// </summary>
    public const int MaxAccountUpdateEntries = 64;

    /// <summary>
    /// Most device records one account update carries: the member devices of one account
    /// (<see cref="MaxDevicesPerAccount"/>).
    /// </summary>
    public const int MaxAccountUpdateRecords = MaxDevicesPerAccount;

    /// <summary>
    /// Largest encoded account update: one delivered payload (<see cref="MaxDeliveryPayloadBytes"/>), since an update
    /// travels as an outbox item. Senders split larger content into several updates.
    /// </summary>
    public const int MaxAccountUpdateBytes = MaxDeliveryPayloadBytes;
}
