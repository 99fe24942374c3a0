using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.Sync;

/// <summary>Reading of <see cref="SyncRanges"/> from untrusted bytes: every rule the constructors enforce is checked first, so nothing throws.</summary>
internal static partial class SyncMessageCodec
{
    private static Result<SyncMessage> ReadRanges(ref WireReader reader, ConversationId conversation, int count)
    {
        if (count > Limits.MaxSyncRangesPerMessage)
        {
            return WireErrors.Oversized;
        }

        var ranges = new SyncRange[count];
        for (int i = 0; i < count; i++)
        {
            Result<SyncRange> range = ReadRange(ref reader);
            if (!range.TryGet(out SyncRange? read, out KithError? error))
            {
                return error!;
            }

            ranges[i] = read!;
        }

        return SyncRanges.AscendingAndDisjoint(ranges) ? new SyncRanges(conversation, ranges) : WireErrors.Malformed;
    }

    private static Result<SyncRange> ReadRange(ref WireReader reader)
    {
        if (!SyncBound.TryRead(ref reader, out SyncBound lower) || !SyncBound.TryRead(ref reader, out SyncBound upper)
            || !reader.TryReadByte(out byte mode))
        {
            return reader.Error!;
        }

        if (lower >= upper)
        {
            return WireErrors.Malformed;
        }

        switch ((SyncRangeMode)mode)
        {
            case SyncRangeMode.Fingerprint:
                if (!reader.TryReadSpan(SyncRange.FingerprintSize, out ReadOnlySpan<byte> fingerprint)
                    || !reader.TryReadUInt32(out uint held))
                {
                    return reader.Error!;
                }

                return SyncRange.Fingerprinted(lower, upper, fingerprint, held);
            case SyncRangeMode.IdList:
                if (!reader.TryReadUInt16(out ushort listed))
                {
                    return reader.Error!;
                }

                if (listed > Limits.MaxSyncRangeIds)
                {
                    return WireErrors.Oversized;
                }

                var ids = new EventId[listed];
                for (int i = 0; i < listed; i++)
                {
                    if (!reader.TryReadSpan(EventId.Size, out ReadOnlySpan<byte> id))
                    {
                        return reader.Error!;
                    }

                    ids[i] = EventId.FromBytes(id);
                }

                return SyncRange.Listed(lower, upper, ids);
            default:
                return WireErrors.Malformed;
        }
    }
}
