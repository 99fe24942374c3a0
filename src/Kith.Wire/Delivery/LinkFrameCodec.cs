using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.Delivery;

/// <summary>Reading of <see cref="LinkFrame"/> encodings from untrusted bytes.</summary>
internal static class LinkFrameCodec
{
    internal static Result<LinkFrame> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = WireReader.Bounded(bytes, Limits.MaxLinkFrameBytes);
        if (!reader.TryReadVersion(LinkFrame.Version))
        {
            return reader.Error!;
        }

        if (!reader.TryReadByte(out byte kind))
        {
            return reader.Error!;
        }

        Result<LinkFrame> frame = (LinkFrameKind)kind switch
        {
            LinkFrameKind.Deliver => ReadDeliver(ref reader),
            LinkFrameKind.Ack or LinkFrameKind.Seen => ReadIds(ref reader, (LinkFrameKind)kind),
            LinkFrameKind.Sync => ReadSync(ref reader),
            _ => WireErrors.Malformed,
        };

        if (!frame.IsOk)
        {
            return frame;
        }

        return reader.TryFinish(out KithError? error) ? frame : error!;
    }

    private static Result<LinkFrame> ReadDeliver(ref WireReader reader)
    {
        if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> id)
            || !reader.TryReadByte(out byte itemKind)
            || !reader.TryReadPrefixed32(Limits.MaxDeliveryPayloadBytes, out ReadOnlySpan<byte> payload))
        {
            return reader.Error!;
        }

        return new DeliverFrame(EventId.FromBytes(id), itemKind, payload);
    }

    private static Result<LinkFrame> ReadIds(ref WireReader reader, LinkFrameKind kind)
    {
        if (!reader.TryReadUInt16(out ushort count))
        {
            return reader.Error!;
        }

        if (count > Limits.MaxDeliveryIdsPerFrame)
        {
            return WireErrors.Oversized;
        }

        var ids = new EventId[count];
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> id))
            {
                return reader.Error!;
            }

            ids[i] = EventId.FromBytes(id);
        }

        return kind == LinkFrameKind.Ack ? new AckFrame(ids) : new SeenFrame(ids);
    }

    private static Result<LinkFrame> ReadSync(ref WireReader reader)
    {
        if (!reader.TryReadPrefixed32(Limits.MaxSyncMessageBytes, out ReadOnlySpan<byte> message))
        {
            return reader.Error!;
        }

        return new SyncFrame(message);
    }
}
