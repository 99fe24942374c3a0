using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.Messaging;
using Kith.Protocol.Sessions;
using Kith.Wire.Conversations;
using Kith.Wire.Messaging;
using Kith.Wire.SenderKeys;

namespace Kith.Protocol.Tests.Messaging;

/// <summary>Events that must be rejected by the log, or accepted by every replica but never shown (README, decision 4).</summary>
public class ForgeryTests
{
    [Fact]
    public void A_member_signing_as_another_author_under_that_authors_chain_is_reported_forged_and_never_shown()
    {
        var world = new MessagingWorld(10);
        ConversationId c = world.OneToOne;
        SendResult sent = world.A1.Send(c, "genuine");
        world.B1.ReceiveAll(c, sent.Events);
        ConversationEvent announcement = sent.Events[0];

        // B2 is a member: it names A1 as author and A1's chain id, but can only sign with a key of its own.
        ConversationEvent forged = Impersonate(world, world.A1.Id, announcement.ChainId, 1, [sent.Events[1].Id]);
        ReceiveResult result = world.B1.Receive(c, forged);

        Assert.Equal([forged.Id], result.Accepted);
        Assert.Equal([forged.Id], result.Forged);
        Assert.Empty(result.Shown);
        Assert.Equal(["genuine"], world.B1.Texts(c));
    }

    [Fact]
    public void A_member_signing_as_another_author_under_a_chain_never_announced_waits_and_is_never_shown()
    {
        var world = new MessagingWorld(11);
        ConversationId c = world.OneToOne;
        SendResult sent = world.A1.Send(c, "genuine");
        world.B1.ReceiveAll(c, sent.Events);

        ConversationEvent forged = Impersonate(world, world.A1.Id, world.RandomBytes(32), 0, [sent.Events[1].Id]);
        ReceiveResult result = world.B1.Receive(c, forged);

        Assert.Empty(result.Shown);
        Assert.Equal(1, world.B1.Replica(c).WaitingForChainCount);
        Assert.Equal(["genuine"], world.B1.Texts(c));
    }

    [Fact]
    public void A_chain_announced_in_another_authors_name_does_not_open_because_its_part_is_not_from_that_author()
    {
        var world = new MessagingWorld(12);
        ConversationId c = world.OneToOne;
        SendResult sent = world.A1.Send(c, "genuine");
        world.B1.ReceiveAll(c, sent.Events);

        // B2 seals a distribution to B1 on its own session and puts it in an announcement claiming A1 as author.
        byte[] seed = world.RandomBytes(32);
        byte[] chainId = world.RandomBytes(32);
        byte[] key = PublicKey(seed);
        using var distribution = new SenderKeyDistribution(chainId, c, 0, SecretBytes.Random(32, world.Random), key);
        using DeviceSession session = DeviceSession.Initiate(world.B2.Keys.Prekeys, world.B1.Id, world.B1.Keys.Prekeys.Published, world.Random).Value;
        byte[] part = session.Encrypt(distribution.ToBytes(), world.Random);
        ConversationEvent fake = ConversationEventSigner.Sign(c, world.A1.Id, [sent.Events[1].Id], world.Now, chainId, 0,
            new ChainAnnouncement([new AnnouncementPart(world.B1.Id, part)]).ToBytes(), seed);

        ReceiveResult result = world.B1.Receive(c, fake);

        Assert.Equal([fake.Id], result.Accepted);
        Assert.Equal(MessagingErrors.WrongPartAuthor, Assert.Single(result.Unreadable).Error);
        Assert.False(new ChainStore(world.B1.State, c).HasReceived(world.A1.Id, chainId));
    }

    [Fact]
    public void Mis_signed_back_dated_non_member_and_too_far_future_events_are_refused_without_any_change()
    {
        var world = new MessagingWorld(13);
        ConversationId c = world.OneToOne;
        SendResult sent = world.A1.Send(c, "genuine");
        world.B1.ReceiveAll(c, sent.Events);
        ConversationEvent content = sent.Events[1];
        byte[] seed = world.RandomBytes(32);
        byte[] chain = world.RandomBytes(32);
        byte[] badSignature = content.Signature.ToArray();
        badSignature[0] ^= 1;
        MessagingWorld.Device stranger = world.NewDevice();

        (ConversationEvent Event, KithErrorCode Code)[] cases =
        [
            (new ConversationEvent(c, content.Author, content.Parents, content.TimestampUnixMs, content.ChainId, content.ChainIndex,
                content.SigningKey, content.Ciphertext, badSignature), "conversation.bad_signature"),
            (ConversationEventSigner.Sign(c, world.B2.Id, [content.Id], content.TimestampUnixMs - 1, chain, 0, [2], seed), "conversation.back_dated"),
            (ConversationEventSigner.Sign(c, stranger.Id, [content.Id], world.Now, chain, 0, [2], seed), "conversation.not_member"),
            (ConversationEventSigner.Sign(c, world.B2.Id, [content.Id], world.Now + 2 * 3_600_000, chain, 0, [2], seed), "conversation.future_timestamp"),
        ];

        string before = Snapshot(world.B1, c);
        foreach ((ConversationEvent e, KithErrorCode code) in cases)
        {
            ReceiveResult result = world.B1.Receive(c, e);
            Assert.Equal(code.Value, Assert.Single(result.Refused).Error.Code);
            Assert.Empty(result.Accepted);
        }

        Assert.Equal(before, Snapshot(world.B1, c));
    }

    [Fact]
    public void Events_from_a_revoked_device_stamped_after_its_revocation_are_refused_earlier_ones_accepted()
    {
        var world = new MessagingWorld(14);
        ConversationId c = world.OneToOne;
        world.Tick();
        SendResult early = world.B2.Send(c, "before revocation");
        world.Tick();
        world.Bob.Revoke(world.B1, world.B2);
        world.Tick();
        SendResult late = world.B2.Send(c, "after revocation");
        world.A1.Replica(c).UpdateMembership(world.MembershipOf(c));

        Assert.All(world.A1.ReceiveAll(c, early.Events), r => Assert.Empty(r.Refused));
        ReceiveResult refused = world.A1.Receive(c, late.Events.Last());

        Assert.Equal("conversation.not_member", Assert.Single(refused.Refused).Error.Code);
        Assert.Equal(["before revocation"], world.A1.Texts(c));
    }

    [Fact]
    public void Oversized_or_malformed_payloads_never_decode_and_an_unreadable_payload_is_not_shown()
    {
        var world = new MessagingWorld(15);
        ConversationId c = world.OneToOne;
        byte[] tooMany = [(byte)EventPayloadKind.Announcement, 33];
        Assert.Equal("wire.oversized", EventPayload.Decode(tooMany).Error!.Code);
        Assert.Equal("wire.malformed", EventPayload.Decode([9, 1, 2]).Error!.Code);
        Assert.False(ConversationEvent.Decode(new byte[ConversationEvent.MaxEncodedSize + 1]).IsOk);

        SendResult sent = world.A1.Send(c, "genuine");
        world.B1.ReceiveAll(c, sent.Events);
        byte[] seed = world.RandomBytes(32);
        ConversationEvent garbage = ConversationEventSigner.Sign(c, world.A2.Id, [sent.Events[1].Id], world.Now, world.RandomBytes(32), 0, [9, 9], seed);
        ReceiveResult result = world.B1.Receive(c, garbage);

        Assert.Equal("wire.malformed", Assert.Single(result.Unreadable).Error.Code);
        Assert.Equal(["genuine"], world.B1.Texts(c));
    }

    private static ConversationEvent Impersonate(MessagingWorld world, DeviceId author, ReadOnlySpan<byte> chainId, uint index, EventId[] parents)
    {
        byte[] seed = world.RandomBytes(32);
        byte[] ciphertext = new SealedContent(world.RandomBytes(176)).ToBytes();
        return ConversationEventSigner.Sign(world.OneToOne, author, parents, world.Now, chainId, index, ciphertext, seed);
    }

    private static byte[] PublicKey(byte[] seed)
    {
        byte[] key = new byte[Ed25519.PublicKeySize];
        Ed25519.DerivePublicKey(seed, key);
        return key;
    }

    private static string Snapshot(MessagingWorld.Device device, ConversationId c)
    {
        ConversationLog log = device.Replica(c).Log;
        return $"{log.Count}/{log.PendingCount}/{string.Join(",", log.Order())}/{device.Messages.Puts}/{device.Events.Count(c)}/{device.State.Count}";
    }

    /// <summary>An error code, named so the case table reads as data.</summary>
    private readonly record struct KithErrorCode(string Value)
    {
        public static implicit operator KithErrorCode(string value) => new(value);
    }
}
