using System.Text;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Protocol.Messaging;
using Kith.Wire.Messaging;

namespace Kith.Protocol.Tests.Messaging;

/// <summary>Conversation ids, padded content and announcements: round trips and refusals of malformed input.</summary>
public class CodecTests
{
    private static readonly ConversationId Conversation = ConversationId.FromBytes([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);

    [Fact]
    public void Both_sides_derive_the_same_one_to_one_id_and_it_differs_from_the_own_logs()
    {
        var a = AccountId.FromBytes(Enumerable.Repeat((byte)1, 32).ToArray());
        var b = AccountId.FromBytes(Enumerable.Repeat((byte)2, 32).ToArray());

        Assert.Equal(ConversationIds.OneToOne(a, b), ConversationIds.OneToOne(b, a));
        Assert.NotEqual(ConversationIds.OwnAccount(a), ConversationIds.OwnAccount(b));
        Assert.NotEqual(ConversationIds.OneToOne(a, b), ConversationIds.OwnAccount(a));
        Assert.Throws<ArgumentException>(() => ConversationIds.OneToOne(a, a));
    }

    [Theory]
    [InlineData(0, 160)]
    [InlineData(153, 160)]
    [InlineData(154, 320)]
    [InlineData(1000, 1120)]
    public void Text_is_padded_to_a_160_byte_bucket(int length, int padded)
    {
        // 2 bytes version and kind, 4 bytes length, the text, 1 marker byte.
        byte[] encoded = MessageContentCodec.EncodePadded(new TextContent(new string('x', length)));

        Assert.Equal(padded, encoded.Length);
        Assert.Equal(new string('x', length), ((TextContent)MessageContentCodec.DecodePadded(encoded).Value).Text);
    }

    [Fact]
    public void Every_content_kind_round_trips()
    {
        var id = EventId.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());
        var low = EventId.FromBytes(new byte[32]);
        MessageContent[] contents =
        [
            new TextContent("héllo ✓"),
            new DeleteMessagesContent(Conversation, [id, low]),
            new DeleteConversationContent(Conversation, 1_700_000_123_456),
            new ReadUpToContent(Conversation, id),
        ];

        foreach (MessageContent content in contents)
        {
            MessageContent decoded = MessageContentCodec.DecodePadded(MessageContentCodec.EncodePadded(content)).Value;
            Assert.Equal(content.Kind, decoded.Kind);
            Assert.Equal(MessageContentCodec.EncodePadded(content), MessageContentCodec.EncodePadded(decoded));
        }
    }

    [Fact]
    public void A_conversation_cut_beyond_the_largest_time_is_malformed()
    {
        byte[] beyond = Pad([1, (byte)MessageContentKind.DeleteConversation, .. Conversation.Span, 0x80, 0, 0, 0, 0, 0, 0, 0]);
        byte[] largest = Pad([1, (byte)MessageContentKind.DeleteConversation, .. Conversation.Span, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        byte[] missing = Pad([1, (byte)MessageContentKind.DeleteConversation, .. Conversation.Span]);

        Assert.Equal("wire.malformed", MessageContentCodec.DecodePadded(beyond).Error!.Code);
        Assert.Equal(long.MaxValue, ((DeleteConversationContent)MessageContentCodec.DecodePadded(largest).Value).ClearedUpToUnixMs);
        Assert.False(MessageContentCodec.DecodePadded(missing).IsOk);
    }

    [Fact]
    public void Malformed_content_is_refused_without_throwing()
    {
        byte[] good = MessageContentCodec.EncodePadded(new TextContent("hi"));
        byte[] noMarker = (byte[])good.Clone();
        noMarker[Array.LastIndexOf(noMarker, (byte)0x80)] = 0;
        byte[] badUtf8 = MessageContentCodec.EncodePadded(new TextContent("hi"));
        badUtf8[6] = 0xFF;
        byte[] badVersion = (byte[])good.Clone();
        badVersion[0] = 2;

        Assert.Equal("wire.malformed", MessageContentCodec.DecodePadded(good.AsSpan(0, 100)).Error!.Code);
        Assert.Equal("wire.malformed", MessageContentCodec.DecodePadded(noMarker).Error!.Code);
        Assert.Equal("wire.malformed", MessageContentCodec.DecodePadded(badUtf8).Error!.Code);
        Assert.Equal("wire.unknown_version", MessageContentCodec.DecodePadded(badVersion).Error!.Code);
        Assert.Equal("wire.malformed", MessageContentCodec.DecodePadded(new byte[160]).Error!.Code);
        Assert.Throws<ArgumentException>(() => MessageContentCodec.EncodePadded(new TextContent(new string('x', Limits.MaxMessageContentSize))));
    }

    [Fact]
    public void Deleted_ids_out_of_order_or_beyond_the_limit_are_refused()
    {
        byte[] unordered = Pad([1, (byte)MessageContentKind.DeleteMessages, .. Conversation.Span, 0, 2, .. new byte[31], 9, .. new byte[32]]);
        byte[] tooMany = Pad([1, (byte)MessageContentKind.DeleteMessages, .. Conversation.Span, 0xFF, 0xFF]);

        Assert.Equal("wire.malformed", MessageContentCodec.DecodePadded(unordered).Error!.Code);
        Assert.Equal("wire.oversized", MessageContentCodec.DecodePadded(tooMany).Error!.Code);
    }

    [Fact]
    public void An_announcement_round_trips_with_recipients_sorted_and_refuses_duplicates()
    {
        var high = DeviceId.FromBytes(Enumerable.Repeat((byte)9, 32).ToArray());
        var low = DeviceId.FromBytes(Enumerable.Repeat((byte)3, 32).ToArray());
        var announcement = new ChainAnnouncement([new AnnouncementPart(high, [1, 2]), new AnnouncementPart(low, [3])]);

        var decoded = (ChainAnnouncement)EventPayload.Decode(announcement.ToBytes()).Value;

        Assert.Equal([low, high], decoded.Parts.Select(p => p.Recipient));
        Assert.Equal([1, 2], decoded.PartFor(high)!.Envelope);
        Assert.Null(decoded.PartFor(DeviceId.FromBytes(new byte[32])));
        Assert.Throws<ArgumentException>(() => new ChainAnnouncement([new AnnouncementPart(low, [1]), new AnnouncementPart(low, [2])]).ToBytes());
        byte[] swapped = [(byte)EventPayloadKind.Announcement, 2, .. high.Span, 0, 0, .. low.Span, 0, 0];
        Assert.Equal("wire.malformed", EventPayload.Decode(swapped).Error!.Code);
        Assert.Equal("wire.truncated", EventPayload.Decode([(byte)EventPayloadKind.Announcement, 1, 5]).Error!.Code);
    }

    [Fact]
    public void Text_content_never_prints_its_text()
    {
        Assert.DoesNotContain("secret", new TextContent("secret words").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", new ReceivedMessage(new Kith.Protocol.Conversations.ShownMessage(default, default, 0, 0, Encoding.UTF8.GetBytes("secret")),
            new TextContent("secret")).ToString(), StringComparison.Ordinal);
    }

    private static byte[] Pad(byte[] encoded)
    {
        int length = (encoded.Length / 160 + 1) * 160;
        byte[] padded = new byte[length];
        encoded.CopyTo(padded, 0);
        padded[encoded.Length] = 0x80;
        return padded;
    }
}
