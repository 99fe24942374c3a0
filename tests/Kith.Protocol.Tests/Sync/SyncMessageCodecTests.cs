using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Wire;
using Kith.Wire.Sync;

namespace Kith.Protocol.Tests.Sync;

public class SyncMessageCodecTests
{
    private static readonly ConversationId Conversation = ConversationId.FromBytes(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    private static EventId Id(int n) => EventId.FromBytes(Enumerable.Repeat((byte)(n & 0xFF), 32).ToArray());

    [Fact]
    public void Every_kind_round_trips_through_its_encoding()
    {
        SyncMessage[] messages =
        [
            new SyncHeads(Conversation, [Id(1), Id(2)], 7),
            new SyncWant(Conversation, [Id(3)]),
            new SyncEvents(Conversation, [[1, 2, 3], [], [4]]),
        ];
        foreach (SyncMessage message in messages)
        {
            byte[] bytes = message.Encode();
            SyncMessage decoded = SyncMessage.Decode(bytes).Value;
            Assert.Equal(message.Kind, decoded.Kind);
            Assert.Equal(Conversation, decoded.Conversation);
            Assert.Equal(bytes, decoded.Encode());
        }
    }

    [Fact]
    public void Counts_above_the_limits_are_refused_as_oversized()
    {
        byte[] ids = new SyncWant(Conversation, [Id(1)]).Encode();
        ids[SyncMessage.HeaderSize - 2] = 0xFF;
        Assert.Equal(WireErrors.Oversized, SyncMessage.Decode(ids).Error);

        byte[] events = new SyncEvents(Conversation, [[1]]).Encode();
        events[SyncMessage.HeaderSize - 2] = 0xFF;
        Assert.Equal(WireErrors.Oversized, SyncMessage.Decode(events).Error);

        Assert.Equal(WireErrors.Oversized, SyncMessage.Decode(new byte[Limits.MaxSyncMessageBytes + 1]).Error);
        Assert.Throws<ArgumentException>(() => new SyncHeads(Conversation, Enumerable.Range(0, Limits.MaxSyncIdsPerMessage + 1).Select(Id), 0));
    }

    [Fact]
    public void Batches_whose_events_sum_past_the_byte_limit_are_refused()
    {
        int half = (Limits.MaxSyncBatchBytes / 2) + 1;
        var writer = new WireWriter(Limits.MaxSyncMessageBytes);
        writer.Byte(SyncMessage.Version).Byte((byte)SyncMessageKind.Events).Bytes(Conversation.Span).U16(2)
            .Prefixed32(new byte[half]).Prefixed32(new byte[half]);
        Assert.Equal(WireErrors.Oversized, SyncMessage.Decode(writer.ToArray()).Error);
    }

    [Fact]
    public void Unknown_versions_kinds_truncation_and_trailing_bytes_are_refused()
    {
        byte[] bytes = new SyncHeads(Conversation, [Id(1), Id(2)], 7).Encode();
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(WireErrors.Truncated, SyncMessage.Decode(bytes.AsSpan(0, length)).Error);
        }

        Assert.Equal(WireErrors.TrailingBytes, SyncMessage.Decode([.. bytes, 0]).Error);
        byte[] future = [.. bytes];
        future[0] = SyncMessage.Version + 1;
        Assert.Equal(WireErrors.UnknownVersion, SyncMessage.Decode(future).Error);
        byte[] before = [.. bytes];
        before[0] = 1; // version 1 Heads carried no event count
        Assert.Equal(WireErrors.UnknownVersion, SyncMessage.Decode(before).Error);
        byte[] kind = [.. bytes];
        kind[1] = 9;
        Assert.Equal(WireErrors.Malformed, SyncMessage.Decode(kind).Error);
    }

    [Fact]
    public void Decode_never_throws_on_random_or_mutated_bytes()
    {
        var random = new SeededRandomSource(7);
        byte[] valid = new SyncEvents(Conversation, [[1, 2, 3], [4, 5]]).Encode();
        for (int i = 0; i < 20_000; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[random.NextInt(120)];
                random.Fill(bytes);
                if (bytes.Length > 1 && i % 4 == 0)
                {
                    bytes[0] = SyncMessage.Version;
                    bytes[1] = (byte)(1 + random.NextInt(4));
                }
            }
            else
            {
                bytes = [.. valid];
                bytes[random.NextInt(bytes.Length)] ^= (byte)(1 + random.NextInt(255));
            }

            var result = SyncMessage.Decode(bytes);
            if (result.IsOk)
            {
                Assert.Equal(bytes, result.Value.Encode());
            }
        }
    }
}
