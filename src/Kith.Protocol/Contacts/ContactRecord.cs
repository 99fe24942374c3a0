using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Trust;
using Kith.Wire;

namespace Kith.Protocol.Contacts;

/// <summary>
/// What this device knows and decided about one contact account. The contact's account log is kept apart
/// in an <see cref="Accounts.IAccountLogStore"/>; this record holds the trust decision.
/// </summary>
/// <param name="Account">The contact's account (its identity).</param>
/// <param name="State">The trust state.</param>
/// <param name="Reason">Why it is compromised; <see cref="CompromiseReason.None"/> otherwise.</param>
/// <param name="AcknowledgedForks">
/// Revocations of conflicts already in the log when the person last validated: a fork they saw and accepted
/// does not compromise the contact again, a new one does.
/// </param>
/// <param name="DisplayName">The name the account gives itself, as last seen.</param>
/// <param name="UpdatedAtUnixMs">When the record last changed.</param>
public sealed record ContactRecord(AccountId Account, TrustState State, CompromiseReason Reason,
    IReadOnlyList<EventId> AcknowledgedForks, string DisplayName, long UpdatedAtUnixMs)
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 1;

    /// <summary>Encodes for a store: <c>version account state reason updatedAt name(u16-prefixed) count(u16) ids</c>.</summary>
    public byte[] ToBytes()
    {
        var writer = new WireWriter(128).Byte(Version).Bytes(Account.Span).Byte((byte)State).Byte((byte)Reason)
            .U64((ulong)UpdatedAtUnixMs).Prefixed16(System.Text.Encoding.UTF8.GetBytes(DisplayName)).U16((ushort)AcknowledgedForks.Count);
        foreach (EventId id in AcknowledgedForks)
        {
            writer.Bytes(id.Span);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a stored record.</summary>
    public static Result<ContactRecord> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        if (!reader.TryReadByte(out byte version) || version != Version)
        {
            return reader.Error ?? WireErrors.UnknownVersion;
        }

        if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> account) || !reader.TryReadByte(out byte state)
            || !reader.TryReadByte(out byte reason) || !reader.TryReadUInt64(out ulong updatedAt)
            || !reader.TryReadPrefixed16(Limits.MaxDisplayNameBytes, out ReadOnlySpan<byte> name)
            || !reader.TryReadUInt16(out ushort count))
        {
            return reader.Error!;
        }

        if (!Enum.IsDefined((TrustState)state) || !Enum.IsDefined((CompromiseReason)reason) || updatedAt > long.MaxValue
            || !System.Text.Unicode.Utf8.IsValid(name) || count > Limits.MaxAccountLogEntries)
        {
            return WireErrors.Malformed;
        }

        var forks = new List<EventId>(count);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> id))
            {
                return reader.Error!;
            }

            forks.Add(EventId.FromBytes(id));
        }

        return reader.TryFinish(out KithError? error)
            ? new ContactRecord(AccountId.FromBytes(account), (TrustState)state, (CompromiseReason)reason, forks,
                System.Text.Encoding.UTF8.GetString(name), (long)updatedAt)
            : error!;
    }
}
