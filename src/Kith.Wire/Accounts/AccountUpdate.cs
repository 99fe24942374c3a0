using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Devices;

namespace Kith.Wire.Accounts;

/// <summary>
/// Account-log entries and device records of one account, sent between devices so that a device linked or revoked
/// after a contact imported the card reaches every device that knows the account (issue 5, "account logs travel
/// over links"). Each entry and record is signed on its own; this type only encodes and decodes, and the receiver
/// validates entries against its copy of the log (<c>Kith.Protocol.Accounts.AccountLog</c>) and records with
/// <c>DeviceRecords.Verify</c>.
/// </summary>
/// <remarks>
/// Encoding (version 1, big-endian): <c>version(1) account(32) entryCount(2) [length(2) entry]* recordCount(1)
/// [length(2) record]*</c>; at most <see cref="Limits.MaxAccountUpdateEntries"/> entries,
/// <see cref="Limits.MaxAccountUpdateRecords"/> records and <see cref="Limits.MaxAccountUpdateBytes"/> bytes.
/// Entries are in the sender's accepted order (parents first), so a receiver adds them in one pass.
/// </remarks>
public sealed partial class AccountUpdate
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 1;

    /// <summary>An update of <paramref name="account"/>; the counts must be within the limits.</summary>
    public AccountUpdate(AccountId account, IReadOnlyList<AccountEntry> entries, IReadOnlyList<DeviceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(records);
        if (entries.Count > Limits.MaxAccountUpdateEntries || records.Count > Limits.MaxAccountUpdateRecords)
        {
            throw new ArgumentException("An account update carries at most 64 entries and 16 records.");
        }

        Account = account;
        Entries = entries;
        Records = records;
    }

    /// <summary>The account the entries and records belong to.</summary>
    public AccountId Account { get; }

    /// <summary>Log entries, parents first.</summary>
    public IReadOnlyList<AccountEntry> Entries { get; }

    /// <summary>Member devices' records (with or without prekeys).</summary>
    public IReadOnlyList<DeviceRecord> Records { get; }

    /// <summary>The encoding; throws when it would exceed <see cref="Limits.MaxAccountUpdateBytes"/> (a sender bug).</summary>
    public byte[] Encode()
    {
        var writer = new WireWriter(1024);
        writer.Byte(Version).Bytes(Account.Span).U16((ushort)Entries.Count);
        foreach (AccountEntry entry in Entries)
        {
            writer.Prefixed16(entry.Encoded);
        }

        writer.Byte((byte)Records.Count);
        foreach (DeviceRecord record in Records)
        {
            writer.Prefixed16(record.ToBytes());
        }

        return writer.Length <= Limits.MaxAccountUpdateBytes
            ? writer.ToArray()
            : throw new InvalidOperationException("The account update is larger than one delivered payload.");
    }

    /// <summary>Decodes untrusted bytes; never throws. Signatures are not checked here.</summary>
    public static Result<AccountUpdate> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Limits.MaxAccountUpdateBytes)
        {
            return WireErrors.Oversized;
        }

        var reader = new WireReader(bytes);
        if (!reader.TryReadByte(out byte version) || !reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> account)
            || !reader.TryReadUInt16(out ushort entryCount))
        {
            return reader.Error!;
        }

        if (version != Version)
        {
            return WireErrors.UnknownVersion;
        }

        if (entryCount > Limits.MaxAccountUpdateEntries)
        {
            return WireErrors.Oversized;
        }

        var entries = new List<AccountEntry>(entryCount);
        for (int i = 0; i < entryCount; i++)
        {
            if (!reader.TryReadPrefixed16(Limits.MaxAccountEntrySize, out ReadOnlySpan<byte> entryBytes))
            {
                return reader.Error!;
            }

            if (!AccountEntry.Decode(entryBytes).TryGet(out AccountEntry? entry, out KithError? error))
            {
                return error;
            }

            entries.Add(entry);
        }

        return ReadRecords(ref reader, AccountId.FromBytes(account), entries);
    }

    /// <summary>Names the account and the counts only.</summary>
    public override string ToString() => $"AccountUpdate({Account}, {Entries.Count} entries, {Records.Count} records)";

    private static Result<AccountUpdate> ReadRecords(ref WireReader reader, AccountId account, List<AccountEntry> entries)
    {
        if (!reader.TryReadByte(out byte recordCount))
        {
            return reader.Error!;
        }

        if (recordCount > Limits.MaxAccountUpdateRecords)
        {
            return WireErrors.Oversized;
        }

        var records = new List<DeviceRecord>(recordCount);
        for (int i = 0; i < recordCount; i++)
        {
            if (!reader.TryReadPrefixed16(Limits.MaxDeviceRecordSize, out ReadOnlySpan<byte> recordBytes))
            {
                return reader.Error!;
            }

            if (!DeviceRecord.Decode(recordBytes).TryGet(out DeviceRecord? record, out KithError? error))
            {
                return error;
            }

            records.Add(record);
        }

        return reader.TryFinish(out KithError? trailing) ? new AccountUpdate(account, entries, records) : trailing!;
    }
}
