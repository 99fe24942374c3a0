using System.Text;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.Accounts;

/// <summary>Encoding, hashing and decoding of <see cref="AccountEntry"/>.</summary>
internal static class AccountEntryCodec
{
    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> IdLabel => "Kith v1 account entry id"u8;

    internal static byte[] Hash(ReadOnlySpan<byte> encoded)
    {
        var id = new byte[Blake2b.Hash256Size];
        Blake2b.Hash(encoded, id, IdLabel);
        return id;
    }

    internal static byte[] SignedPayload(ReadOnlySpan<byte> unsignedEntry, bool coSigner) =>
        new WireWriter(unsignedEntry.Length + 48)
            .Bytes(coSigner ? "Kith v1 account entry, new device"u8 : "Kith v1 account entry, author"u8)
            .Bytes(unsignedEntry)
            .ToArray();

    internal static byte[] WriteUnsigned(AccountEntryKind kind, AccountId account, IReadOnlyList<EventId> parents,
        DeviceId author, long createdAtUnixMs, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(parents);
        bool genesis = kind == AccountEntryKind.Genesis;
        if ((genesis ? parents.Count != 0 : parents.Count is 0 or > Limits.MaxAccountEntryParents) || createdAtUnixMs < 0)
        {
            throw new ArgumentException("Genesis has no parents; other entries have 1 to 16 parents.", nameof(parents));
        }

        var writer = new WireWriter(128 + body.Length).Byte(AccountEntry.Version).Byte((byte)kind);
        if (!genesis)
        {
            writer.Bytes(account.Span);
        }

        writer.Byte((byte)parents.Count);
        foreach (EventId parent in parents.Order())
        {
            writer.Bytes(parent.Span);
        }

        writer.Bytes(author.Span).U64((ulong)createdAtUnixMs).Bytes(body);
        return writer.ToArray();
    }

    internal static Result<AccountEntry> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Limits.MaxAccountEntrySize)
        {
            return WireErrors.Oversized;
        }

        var reader = new WireReader(bytes);
        if (!reader.TryReadByte(out byte version))
        {
            return reader.Error!;
        }

        if (version != AccountEntry.Version)
        {
            return WireErrors.UnknownVersion;
        }

        if (!reader.TryReadByte(out byte kindByte))
        {
            return reader.Error!;
        }

        if (kindByte is < (byte)AccountEntryKind.Genesis or > (byte)AccountEntryKind.Profile)
        {
            return WireErrors.Malformed;
        }

        var kind = (AccountEntryKind)kindByte;
        AccountId account = default;
        if (kind != AccountEntryKind.Genesis)
        {
            if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> accountBytes))
            {
                return reader.Error!;
            }

            account = AccountId.FromBytes(accountBytes);
        }

        return ReadRest(ref reader, bytes, kind, account);
    }

    private static Result<AccountEntry> ReadRest(ref WireReader reader, ReadOnlySpan<byte> bytes, AccountEntryKind kind, AccountId account)
    {
        if (!reader.TryReadByte(out byte parentCount))
        {
            return reader.Error!;
        }

        bool genesis = kind == AccountEntryKind.Genesis;
        if (genesis ? parentCount != 0 : parentCount is 0 or > Limits.MaxAccountEntryParents)
        {
            return parentCount > Limits.MaxAccountEntryParents ? WireErrors.Oversized : WireErrors.Malformed;
        }

        var parents = new List<EventId>(parentCount);
        for (int i = 0; i < parentCount; i++)
        {
            if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> parent))
            {
                return reader.Error!;
            }

            var id = EventId.FromBytes(parent);
            if (i > 0 && id <= parents[i - 1])
            {
                // Canonical order (strictly ascending) makes the encoding, and so the id, unique.
                return WireErrors.Malformed;
            }

            parents.Add(id);
        }

        if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> author) || !reader.TryReadUInt64(out ulong createdAt))
        {
            return reader.Error!;
        }

        if (createdAt > long.MaxValue || !TryReadBody(ref reader, kind, out byte[]? body))
        {
            return reader.Error ?? WireErrors.Malformed;
        }

        if (!reader.TryReadSpan(AccountEntry.SignatureSize, out ReadOnlySpan<byte> signature))
        {
            return reader.Error!;
        }

        byte[]? coSignature = null;
        if (kind == AccountEntryKind.AddDevice)
        {
            if (!reader.TryReadSpan(AccountEntry.SignatureSize, out ReadOnlySpan<byte> co))
            {
                return reader.Error!;
            }

            coSignature = co.ToArray();
        }

        if (!reader.TryFinish(out KithError? error))
        {
            return error!;
        }

        return new AccountEntry(kind, account, parents, DeviceId.FromBytes(author), (long)createdAt, body!,
            signature.ToArray(), coSignature, bytes.ToArray());
    }

    private static bool TryReadBody(ref WireReader reader, AccountEntryKind kind, out byte[]? body)
    {
        body = null;
        switch (kind)
        {
            case AccountEntryKind.Genesis:
                if (!reader.TryReadSpan(AccountEntry.GenesisNonceSize, out ReadOnlySpan<byte> nonce))
                {
                    return false;
                }

                body = nonce.ToArray();
                return true;
            case AccountEntryKind.AddDevice or AccountEntryKind.RevokeDevice:
                if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> device))
                {
                    return false;
                }

                body = device.ToArray();
                return true;
            default:
                if (!reader.TryReadPrefixed16(Limits.MaxDisplayNameBytes, out ReadOnlySpan<byte> name))
                {
                    return false;
                }

                if (!IsValidName(name))
                {
                    return reader.Fail(WireErrors.Malformed);
                }

                body = new WireWriter(name.Length + 2).Prefixed16(name).ToArray();
                return true;
        }
    }

    /// <summary>Well-formed UTF-8 without control characters (which could forge line breaks in a UI).</summary>
    internal static bool IsValidName(ReadOnlySpan<byte> name)
    {
        if (!System.Text.Unicode.Utf8.IsValid(name))
        {
            return false;
        }

        foreach (char c in Utf8.GetString(name))
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
