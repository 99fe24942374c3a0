using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Wire;
using Kith.Wire.Sync;

namespace Kith.Protocol.Tests.Sync;

public class SyncRangesCodecTests
{
    private static readonly ConversationId Conversation = ConversationId.FromBytes(new byte[32]);

    private static EventId Id(int n) => EventId.FromBytes(Enumerable.Repeat((byte)(n & 0xFF), 32).ToArray());

    private static SyncBound At(long timestamp) => new(timestamp, Id(0));

    private static WireWriter Header(int count) =>
        new WireWriter().Byte(SyncMessage.Version).Byte((byte)SyncMessageKind.Ranges).Bytes(Conversation.Span).U16((ushort)count);

    private static WireWriter Range(WireWriter writer, long lower, long upper, byte mode) =>
        writer.U64((ulong)lower).Bytes(Id(0).Span).U64((ulong)upper).Bytes(Id(0).Span).Byte(mode);

    [Fact]
    public void Fingerprint_and_id_list_ranges_round_trip()
    {
        var message = new SyncRanges(Conversation,
        [
            SyncRange.Fingerprinted(SyncBound.Min, At(10), new byte[SyncRange.FingerprintSize], 5000),
            SyncRange.Listed(At(10), At(20), [Id(1), Id(2)]),
            SyncRange.Listed(At(20), SyncBound.Max, []),
        ]);
        byte[] bytes = message.Encode();
        var decoded = Assert.IsType<SyncRanges>(SyncMessage.Decode(bytes).Value);
        Assert.Equal(bytes, decoded.Encode());
        Assert.Equal([5000u, 2u, 0u], decoded.Ranges.Select(r => r.Count));
        Assert.Equal(SyncBound.Min, decoded.Ranges[0].Lower);
        Assert.Equal(SyncBound.Max, decoded.Ranges[2].Upper);
    }

    [Fact]
    public void The_fullest_ranges_message_fits_the_message_limit()
    {
        var ranges = Enumerable.Range(0, Limits.MaxSyncRangesPerMessage)
            .Select(i => SyncRange.Listed(At(i), At(i + 1), Enumerable.Range(0, Limits.MaxSyncRangeIds).Select(Id)));
        Assert.InRange(new SyncRanges(Conversation, ranges).Encode().Length, 1, Limits.MaxSyncMessageBytes);
    }

    [Fact]
    public void Empty_inverted_overlapping_or_unordered_ranges_are_malformed()
    {
        Assert.Equal(WireErrors.Malformed, SyncMessage.Decode(Range(Header(1), 5, 5, 2).U16(0).ToArray()).Error);
        Assert.Equal(WireErrors.Malformed, SyncMessage.Decode(Range(Header(1), 6, 5, 2).U16(0).ToArray()).Error);
        Assert.Equal(WireErrors.Malformed, SyncMessage.Decode(Range(Range(Header(2), 1, 5, 2).U16(0), 4, 9, 2).U16(0).ToArray()).Error);
        Assert.Equal(WireErrors.Malformed, SyncMessage.Decode(Range(Range(Header(2), 5, 9, 2).U16(0), 1, 3, 2).U16(0).ToArray()).Error);
        Assert.Equal(WireErrors.Malformed, SyncMessage.Decode(Range(Header(1), 1, 3, 7).U16(0).ToArray()).Error);

        // Touching ranges are fine: upper bounds are exclusive.
        Assert.True(SyncMessage.Decode(Range(Range(Header(2), 1, 5, 2).U16(0), 5, 9, 2).U16(0).ToArray()).IsOk);
    }

    [Fact]
    public void Too_many_ranges_or_ids_are_oversized_and_truncation_is_refused()
    {
        Assert.Equal(WireErrors.Oversized, SyncMessage.Decode(Header(Limits.MaxSyncRangesPerMessage + 1).ToArray()).Error);
        Assert.Equal(WireErrors.Oversized, SyncMessage.Decode(Range(Header(1), 1, 3, 2).U16(Limits.MaxSyncRangeIds + 1).ToArray()).Error);

        byte[] bytes = new SyncRanges(Conversation, [SyncRange.Fingerprinted(At(1), At(2), new byte[16], 1)]).Encode();
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.False(SyncMessage.Decode(bytes.AsSpan(0, length)).IsOk);
        }

        Assert.Equal(WireErrors.TrailingBytes, SyncMessage.Decode([.. bytes, 0]).Error);
    }

    [Fact]
    public void Builders_refuse_what_the_decoder_refuses()
    {
        Assert.Throws<ArgumentException>(() => SyncRange.Listed(At(2), At(2), []));
        Assert.Throws<ArgumentException>(() => SyncRange.Listed(At(1), At(2), Enumerable.Range(0, Limits.MaxSyncRangeIds + 1).Select(Id)));
        Assert.Throws<ArgumentException>(() => SyncRange.Fingerprinted(At(1), At(2), new byte[8], 1));
        Assert.Throws<ArgumentException>(() => new SyncRanges(Conversation, [SyncRange.Listed(At(3), At(4), []), SyncRange.Listed(At(1), At(2), [])]));
    }
}
