using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Kith.Wire;

namespace Kith.Storage.Stores;

/// <summary>
/// The stored form of an <see cref="OutboxEntry"/> (encrypted before it reaches the file):
/// <c>version(1) | item(32) | recipient(32) | kind(1) | created(8) | attempts(4) | state(1) | length(4) | payload</c>.
/// The next attempt time is not in it: it lives in the plain <c>next_attempt</c> column only, so a reconnect can
/// make a device's entries due in one statement; tampering with it changes when a resend happens, never what.
/// </summary>
internal static class OutboxEntryCodec
{
    private const byte Version = 1;

    public static byte[] Encode(OutboxEntry entry)
    {
        var writer = new WireWriter(1 + (2 * Id32.Size) + 1 + 8 + 4 + 1 + 4 + entry.Payload.Length);
        writer.Byte(Version).Bytes(entry.Item.Span).Bytes(entry.Recipient.Span).Byte(entry.Kind)
            .U64(unchecked((ulong)entry.CreatedUnixMs)).U32(unchecked((uint)entry.Attempts))
            .Byte((byte)entry.State).Prefixed32(entry.Payload.Span);
        return writer.ToArray();
    }

    /// <summary>Anything but a well-formed entry is <see cref="StorageErrors.CorruptValue"/>: only Kith wrote it.</summary>
    public static Result<OutboxEntry> Decode(ReadOnlySpan<byte> bytes, long nextAttemptUnixMs)
    {
        var reader = new WireReader(bytes);
        if (!reader.TryReadByte(out byte version) || version != Version
            || !reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> item)
            || !reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> recipient)
            || !reader.TryReadByte(out byte kind)
            || !reader.TryReadUInt64(out ulong created)
            || !reader.TryReadUInt32(out uint attempts)
            || !reader.TryReadByte(out byte state)
            || state is < (byte)OutboxEntryState.Pending or > (byte)OutboxEntryState.Seen
            || !reader.TryReadPrefixed32(Limits.MaxDeliveryPayloadBytes, out ReadOnlySpan<byte> payload)
            || !reader.TryFinish(out _))
        {
            return StorageErrors.CorruptValue;
        }

        return new OutboxEntry(EventId.FromBytes(item), DeviceId.FromBytes(recipient), kind, payload.ToArray(),
            unchecked((long)created), unchecked((int)attempts), nextAttemptUnixMs, (OutboxEntryState)state);
    }
}
