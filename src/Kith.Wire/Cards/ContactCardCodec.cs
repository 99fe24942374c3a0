using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;

namespace Kith.Wire.Cards;

/// <summary>Binary encoding and decoding of <see cref="ContactCard"/>.</summary>
internal static class ContactCardCodec
{
    internal static void WriteBody(WireWriter writer, AccountId account, DeviceId issuer, long issuedAt, long expiresAt,
        string displayName, IReadOnlyList<AccountEntry> log, IReadOnlyList<DeviceRecord> devices, bool withPrekeys)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(devices);
        byte[] name = AccountEntryCodec.Utf8.GetBytes(displayName);
        if (name.Length > Limits.MaxDisplayNameBytes || log.Count is 0 or > Limits.MaxAccountLogEntries
            || devices.Count is 0 or > Limits.MaxDevicesPerAccount || issuedAt < 0 || expiresAt < 0)
        {
            throw new ArgumentException("A card needs a name within limits, 1 to 512 log entries and 1 to 16 devices.");
        }

        writer.Byte(ContactCard.Version).Bytes(account.Span).Bytes(issuer.Span).U64((ulong)issuedAt).U64((ulong)expiresAt);
        writer.Prefixed16(name).U16((ushort)log.Count);
        foreach (AccountEntry entry in log)
        {
            writer.Prefixed16(entry.Encoded);
        }

        writer.Byte((byte)devices.Count);
        foreach (DeviceRecord record in devices)
        {
            writer.Prefixed16((withPrekeys ? record : record.WithoutPrekeys()).ToBytes());
        }
    }

    internal static Result<ContactCard> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Limits.MaxContactCardSize)
        {
            return CardErrors.Oversized;
        }

        var reader = new WireReader(bytes);
        if (!reader.TryReadByte(out byte version))
        {
            return CardErrors.Truncated;
        }

        if (version != ContactCard.Version)
        {
            return CardErrors.UnknownVersion;
        }

        if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> account)
            || !reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> issuer)
            || !reader.TryReadUInt64(out ulong issuedAt)
            || !reader.TryReadUInt64(out ulong expiresAt)
            || !reader.TryReadPrefixed16(Limits.MaxDisplayNameBytes, out ReadOnlySpan<byte> name)
            || !reader.TryReadUInt16(out ushort entryCount))
        {
            return CardErrors.FromWire(reader.Error!);
        }

        if (issuedAt > long.MaxValue || expiresAt > long.MaxValue || !AccountEntryCodec.IsValidName(name) || entryCount == 0)
        {
            return CardErrors.Malformed;
        }

        if (entryCount > Limits.MaxAccountLogEntries)
        {
            return CardErrors.Oversized;
        }

        var log = new List<AccountEntry>(entryCount);
        for (int i = 0; i < entryCount; i++)
        {
            if (!reader.TryReadPrefixed16(Limits.MaxAccountEntrySize, out ReadOnlySpan<byte> entryBytes))
            {
                return CardErrors.FromWire(reader.Error!);
            }

            if (!AccountEntry.Decode(entryBytes).TryGet(out AccountEntry? entry, out KithError? error))
            {
                return CardErrors.FromWire(error);
            }

            log.Add(entry);
        }

        return ReadDevices(ref reader, new ContactCard(AccountId.FromBytes(account), DeviceId.FromBytes(issuer), (long)issuedAt,
            (long)expiresAt, AccountEntryCodec.Utf8.GetString(name), log, [], []));
    }

    private static Result<ContactCard> ReadDevices(ref WireReader reader, ContactCard header)
    {
        if (!reader.TryReadByte(out byte deviceCount))
        {
            return CardErrors.Truncated;
        }

        if (deviceCount is 0 or > Limits.MaxDevicesPerAccount)
        {
            return deviceCount == 0 ? CardErrors.Malformed : CardErrors.Oversized;
        }

        var devices = new List<DeviceRecord>(deviceCount);
        for (int i = 0; i < deviceCount; i++)
        {
            if (!reader.TryReadPrefixed16(Limits.MaxDeviceRecordSize, out ReadOnlySpan<byte> recordBytes))
            {
                return CardErrors.FromWire(reader.Error!);
            }

            if (!DeviceRecord.Decode(recordBytes).TryGet(out DeviceRecord? record, out KithError? error))
            {
                return CardErrors.FromWire(error);
            }

            devices.Add(record);
        }

        if (!reader.TryReadSpan(64, out ReadOnlySpan<byte> signature))
        {
            return CardErrors.Truncated;
        }

        if (!reader.TryFinish(out _))
        {
            return CardErrors.Malformed;
        }

        return new ContactCard(header.Account, header.Issuer, header.IssuedAtUnixMs, header.PrekeysExpireAtUnixMs,
            header.DisplayName, header.Log, devices, signature.ToArray());
    }
}
