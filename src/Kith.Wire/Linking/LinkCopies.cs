using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Wire.Devices;

namespace Kith.Wire.Linking;

/// <summary>
/// Existing device → new device, after the add-device entry is co-signed: one account as the existing device holds
/// it (docs/ACCOUNTS.md, "Linking a device": the new device adopts the account log, the own device records and the
/// contacts). The new device verifies every log and record itself; it trusts only the contact's trust decision
/// (<paramref name="Contact"/>), which is its own person's, made on the other device.
/// </summary>
/// <param name="Contact">The stored contact record (its own encoding), or empty for this account itself.</param>
/// <param name="Entries">The account log's entries, each as stored.</param>
/// <param name="Records">The account's device records.</param>
public sealed record LinkAccountCopy(byte[] Contact, IReadOnlyList<byte[]> Entries, IReadOnlyList<DeviceRecord> Records)
{
    /// <summary>Encodes: <c>contact(u16-prefixed) count(u16) entry(u16-prefixed)* count(u16) record(u16-prefixed)*</c>.</summary>
    public byte[] ToBytes()
    {
        WireWriter writer = LinkMessages.Header(LinkMessageType.AccountCopy).Prefixed16(Contact).U16(checked((ushort)Entries.Count));
        foreach (byte[] entry in Entries)
        {
            writer.Prefixed16(entry);
        }

        writer.U16(checked((ushort)Records.Count));
        foreach (DeviceRecord record in Records)
        {
            writer.Prefixed16(record.ToBytes());
        }

        return writer.ToArray();
    }

    /// <summary>Decodes untrusted bytes (bounded by the account limits).</summary>
    public static Result<LinkAccountCopy> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = LinkMessages.Open(bytes, LinkMessageType.AccountCopy, Limits.LinkMaxFrameLength);
        if (!reader.TryReadPrefixed16(Limits.MaxContactRecordSize, out ReadOnlySpan<byte> contact) || !reader.TryReadUInt16(out ushort entryCount))
        {
            return reader.Error!;
        }

        if (entryCount > Limits.MaxAccountLogEntries)
        {
            return WireErrors.Oversized;
        }

        var entries = new List<byte[]>(entryCount);
        for (int i = 0; i < entryCount; i++)
        {
            if (!reader.TryReadPrefixed16(Limits.MaxAccountEntrySize, out ReadOnlySpan<byte> entry))
            {
                return reader.Error!;
            }

            entries.Add(entry.ToArray());
        }

        if (!reader.TryReadUInt16(out ushort recordCount))
        {
            return reader.Error!;
        }

        if (recordCount > Limits.MaxDevicesPerAccount)
        {
            return WireErrors.Oversized;
        }

        var records = new List<DeviceRecord>(recordCount);
        for (int i = 0; i < recordCount; i++)
        {
            if (!reader.TryReadPrefixed16(Limits.MaxDeviceRecordSize, out ReadOnlySpan<byte> record))
            {
                return reader.Error!;
            }

            if (!DeviceRecord.Decode(record).TryGet(out DeviceRecord? decoded, out KithError? error))
            {
                return error;
            }

            records.Add(decoded);
        }

        return reader.TryFinish(out KithError? trailing) ? new LinkAccountCopy(contact.ToArray(), entries, records) : trailing!;
    }

    /// <summary>Counts only.</summary>
    public override string ToString() => $"LinkAccountCopy({Entries.Count} entries, {Records.Count} records)";
}

/// <summary>Existing device → new device: one page of a conversation's history (a sealed <c>HistoryTransferFrame</c>).</summary>
/// <param name="Transfer">The transfer bytes, sealed over the two devices' pairwise session.</param>
public sealed record LinkHistoryCopy(byte[] Transfer)
{
    /// <summary>Encodes.</summary>
    public byte[] ToBytes() => LinkMessages.Header(LinkMessageType.HistoryCopy).Prefixed32(Transfer).ToArray();

    /// <summary>Decodes untrusted bytes.</summary>
    public static Result<LinkHistoryCopy> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = LinkMessages.Open(bytes, LinkMessageType.HistoryCopy, Limits.LinkMaxFrameLength);
        return reader.TryReadPrefixed32(Limits.LinkMaxFrameLength, out ReadOnlySpan<byte> transfer) && reader.TryFinish(out _)
            ? new LinkHistoryCopy(transfer.ToArray())
            : reader.Error!;
    }

    /// <summary>The size only.</summary>
    public override string ToString() => $"LinkHistoryCopy({Transfer.Length} bytes)";
}

/// <summary>Existing device → new device: the copies are complete; the new device adopts them in one transaction.</summary>
/// <param name="Accounts">How many <see cref="LinkAccountCopy"/> messages were sent.</param>
/// <param name="HistoryPages">How many <see cref="LinkHistoryCopy"/> messages were sent.</param>
public sealed record LinkCopyDone(int Accounts, int HistoryPages)
{
    /// <summary>Encodes.</summary>
    public byte[] ToBytes() => LinkMessages.Header(LinkMessageType.CopyDone).U32(checked((uint)Accounts)).U32(checked((uint)HistoryPages)).ToArray();

    /// <summary>Decodes untrusted bytes.</summary>
    public static Result<LinkCopyDone> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = LinkMessages.Open(bytes, LinkMessageType.CopyDone);
        return reader.TryReadUInt32(out uint accounts) && reader.TryReadUInt32(out uint pages) && reader.TryFinish(out _)
            && accounts <= int.MaxValue && pages <= int.MaxValue
            ? new LinkCopyDone((int)accounts, (int)pages)
            : reader.Error ?? WireErrors.Malformed;
    }
}
