using CsCheck;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Wire;
using Kith.Wire.Delivery;

namespace Kith.Protocol.Tests.Delivery;

/// <summary>The link frame codecs (Kith.Wire.Delivery): canonical round trips, bounded and Result-returning decoding.</summary>
public sealed class LinkFrameTests
{
    private static EventId Item(byte fill) => EventId.FromBytes(Enumerable.Repeat(fill, Id32.Size).ToArray());

    private static T RoundTrip<T>(T frame) where T : LinkFrame
    {
        byte[] encoded = frame.Encode();
        T decoded = Assert.IsType<T>(LinkFrame.Decode(encoded).Value);
        Assert.Equal(encoded, decoded.Encode());
        return decoded;
    }

    [Fact]
    public void Every_frame_round_trips()
    {
        DeliverFrame deliver = RoundTrip(new DeliverFrame(Item(1), 9, [1, 2, 3]));
        Assert.Equal((Item(1), (byte)9), (deliver.Id, deliver.ItemKind));
        Assert.Equal([1, 2, 3], deliver.Payload.ToArray());
        Assert.Equal([Item(1), Item(2)], RoundTrip(new AckFrame([Item(1), Item(2)])).Ids);
        Assert.Equal([Item(3)], RoundTrip(new SeenFrame([Item(3)])).Ids);
        Assert.Empty(RoundTrip(new AckFrame([])).Ids);
        Assert.Equal([4, 5], RoundTrip(new SyncFrame([4, 5])).Message.ToArray());
    }

    [Fact]
    public void The_encoding_is_the_documented_layout()
    {
        byte[] deliver = new DeliverFrame(Item(0xAA), 7, [0xEE]).Encode();
        Assert.Equal([1, 1, .. Item(0xAA).Span, 7, 0, 0, 0, 1, 0xEE], deliver);
        Assert.Equal([1, 2, 0, 1, .. Item(0xBB).Span], new AckFrame([Item(0xBB)]).Encode());
        Assert.Equal([1, 4, 0, 0], new SeenFrame([]).Encode());
        Assert.Equal([1, 3, 0, 0, 0, 2, 8, 9], new SyncFrame([8, 9]).Encode());
    }

    [Fact]
    public void The_largest_frames_round_trip()
    {
        Assert.Equal(Limits.MaxDeliveryPayloadBytes, RoundTrip(new DeliverFrame(Item(1), 0, new byte[Limits.MaxDeliveryPayloadBytes])).Payload.Length);
        Assert.Equal(Limits.MaxDeliveryIdsPerFrame, RoundTrip(new AckFrame(Enumerable.Repeat(Item(2), Limits.MaxDeliveryIdsPerFrame))).Ids.Count);
        Assert.True(new SyncFrame(new byte[Limits.MaxSyncMessageBytes]).Encode().Length <= Limits.MaxLinkFrameBytes);
        Assert.True(LinkFrame.Decode(new SyncFrame(new byte[Limits.MaxSyncMessageBytes]).Encode()).IsOk);
    }

    [Fact]
    public void Oversized_frames_are_caller_bugs_when_built()
    {
        Assert.Throws<ArgumentException>(() => new DeliverFrame(Item(1), 0, new byte[Limits.MaxDeliveryPayloadBytes + 1]));
        Assert.Throws<ArgumentException>(() => new AckFrame(Enumerable.Repeat(Item(1), Limits.MaxDeliveryIdsPerFrame + 1)));
        Assert.Throws<ArgumentException>(() => new SyncFrame(new byte[Limits.MaxSyncMessageBytes + 1]));
    }

    [Theory]
    [InlineData(new byte[] { }, "wire.truncated")]
    [InlineData(new byte[] { 2, 1 }, "wire.unknown_version")]
    [InlineData(new byte[] { 1 }, "wire.truncated")]
    [InlineData(new byte[] { 1, 0 }, "wire.malformed")]
    [InlineData(new byte[] { 1, 5, 0, 0 }, "wire.malformed")]
    [InlineData(new byte[] { 1, 2, 0, 1, 1, 2 }, "wire.truncated")]
    [InlineData(new byte[] { 1, 2, 1, 1 }, "wire.oversized")]
    [InlineData(new byte[] { 1, 4, 0, 0, 0 }, "wire.trailing_bytes")]
    [InlineData(new byte[] { 1, 3, 0xFF, 0xFF, 0xFF, 0xFF }, "wire.oversized")]
    [InlineData(new byte[] { 1, 3, 0, 0, 0, 3, 1 }, "wire.truncated")]
    public void Malformed_frames_are_error_values(byte[] bytes, string code)
    {
        Assert.Equal(code, LinkFrame.Decode(bytes).Error!.Code);
    }

    [Fact]
    public void A_deliver_frame_claiming_a_payload_over_the_limit_is_refused_unread()
    {
        byte[] header = [1, 1, .. Item(1).Span, 0, .. BitConverter.GetBytes(Limits.MaxDeliveryPayloadBytes + 1).Reverse()];
        Assert.Equal(WireErrors.Oversized, LinkFrame.Decode(header).Error);
        Assert.Equal(WireErrors.Oversized, LinkFrame.Decode(new byte[Limits.MaxLinkFrameBytes + 1]).Error);
    }

    [Fact]
    public void Random_bytes_never_make_the_decoder_throw()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            _ = LinkFrame.Decode(bytes);
            for (byte kind = 0; kind < 6; kind++)
            {
                _ = LinkFrame.Decode([1, kind, .. bytes]);
            }
        }, iter: 2000);
    }
}
