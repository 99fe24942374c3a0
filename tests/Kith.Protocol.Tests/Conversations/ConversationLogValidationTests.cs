using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Tests.Conversations;

/// <summary>Every refusal leaves the log exactly as it was; accepted events and duplicates behave.</summary>
public class ConversationLogValidationTests
{
    private const long Now = ConversationFixture.Epoch + 60_000;

    /// <summary>A log holding a root and a child, so refusals are measured against a non-empty state.</summary>
    private static (ConversationFixture Fixture, ConversationLog Log, ConversationEvent Head) Started(ulong seed)
    {
        var fixture = new ConversationFixture(seed);
        ConversationLog log = fixture.NewLog();
        ConversationEvent root = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch);
        ConversationEvent head = fixture.Write(fixture.Members[1], [root.Id], ConversationFixture.Epoch + 10);
        Assert.Equal(EventAddOutcome.Accepted, log.Add(root, Now).Value.Outcome);
        Assert.Equal(EventAddOutcome.Accepted, log.Add(head, Now).Value.Outcome);

        // One pending event too, so the pending set is part of what must not change.
        ConversationEvent orphan = fixture.Write(fixture.Members[2], [EventId.FromBytes(fixture.RandomBytes(32))], Now);
        Assert.Equal(EventAddOutcome.Pending, log.Add(orphan, Now).Value.Outcome);
        return (fixture, log, head);
    }

    private static void AssertRefused(ConversationLog log, ConversationEvent candidate, KithError expected)
    {
        LogSnapshot before = LogSnapshot.Of(log);

        Result<EventAddResult> result = log.Add(candidate, Now);

        Assert.Equal(expected, result.Error);
        Assert.Equal(before, LogSnapshot.Of(log));
        Assert.False(log.Contains(candidate.Id));
        Assert.False(log.IsPending(candidate.Id));
    }

    [Fact]
    public void Every_single_bit_flip_of_a_signed_event_is_refused_and_changes_no_state()
    {
        (ConversationFixture fixture, ConversationLog log, ConversationEvent head) = Started(10);
        byte[] valid = fixture.Write(fixture.Members[2], [head.Id], Now, "flip me").ToBytes();

        int refusedByDecoder = 0, refusedByLog = 0;
        for (int bit = 0; bit < valid.Length * 8; bit++)
        {
            byte[] flipped = (byte[])valid.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            LogSnapshot before = LogSnapshot.Of(log);
            if (!ConversationEvent.Decode(flipped).TryGet(out ConversationEvent? decoded, out _))
            {
                refusedByDecoder++;
                continue;
            }

            Result<EventAddResult> result = log.Add(decoded, Now);
            Assert.False(result.IsOk, $"bit {bit} was accepted");
            Assert.Equal(before, LogSnapshot.Of(log));
            refusedByLog++;
        }

        // Both layers take part: length and version flips fail decoding, the rest fail validation.
        Assert.True(refusedByDecoder > 0 && refusedByLog > 0);
    }

    [Fact]
    public void Forged_content_under_a_valid_signature_is_refused()
    {
        (ConversationFixture fixture, ConversationLog log, ConversationEvent head) = Started(11);
        ConversationEvent genuine = fixture.Write(fixture.Members[2], [head.Id], Now, "pay 10");
        var forged = new ConversationEvent(genuine.Conversation, genuine.Author, genuine.Parents, genuine.TimestampUnixMs,
            genuine.ChainId, genuine.ChainIndex, genuine.SigningKey, "pay 99"u8, genuine.Signature);

        AssertRefused(log, forged, ConversationErrors.BadSignature);
    }

    [Fact]
    public void An_event_signed_with_another_key_than_the_one_it_carries_is_refused()
    {
        (ConversationFixture fixture, ConversationLog log, ConversationEvent head) = Started(12);
        ConversationFixture.Member author = fixture.Members[2];
        ConversationEvent byOther = fixture.Write(fixture.Members[0], [head.Id], Now);

        // Author, chain and key of a member, signature by another member's chain over the same content.
        var missigned = new ConversationEvent(fixture.Conversation, author.Device, [head.Id], Now, author.ChainId, 7,
            author.SigningKey, "hi"u8, byOther.Signature);

        AssertRefused(log, missigned, ConversationErrors.BadSignature);
    }

    [Fact]
    public void Events_from_non_members_are_refused()
    {
        (ConversationFixture fixture, ConversationLog log, ConversationEvent head) = Started(13);
        ConversationFixture.Member stranger = fixture.NewDevice();

        AssertRefused(log, fixture.Write(stranger, [head.Id], Now), ConversationErrors.NotMember);

        // Also when its parents are unknown: a non-member cannot occupy the pending set.
        AssertRefused(log, fixture.Write(stranger, [EventId.FromBytes(fixture.RandomBytes(32))], Now),
            ConversationErrors.NotMember);
    }

    [Fact]
    public void A_member_event_under_a_chain_key_no_replica_has_seen_is_accepted_because_binding_is_at_decryption()
    {
        // Every replica must accept the same set; only devices that got the chain pairwise can bind it to its
        // author, so the log checks membership and the signature under the carried key, nothing more.
        (ConversationFixture fixture, ConversationLog log, ConversationEvent head) = Started(16);
        ConversationFixture.Member member = fixture.Members[1];
        var otherChain = new ConversationFixture.Member(member.Device, fixture.RandomBytes(32), fixture.RandomBytes(32));

        Assert.Equal(EventAddOutcome.Accepted, log.Add(fixture.Write(otherChain, [head.Id], Now), Now).Value.Outcome);
    }

    [Fact]
    public void An_event_of_another_conversation_is_refused()
    {
        (_, ConversationLog log, _) = Started(14);
        var elsewhere = new ConversationFixture(99);

        AssertRefused(log, elsewhere.Write(elsewhere.Members[0], [], Now), ConversationErrors.WrongConversation);
    }

    [Fact]
    public void A_back_dated_event_is_refused_but_an_equal_timestamp_is_accepted()
    {
        (ConversationFixture fixture, ConversationLog log, ConversationEvent head) = Started(15);

        AssertRefused(log, fixture.Write(fixture.Members[2], [head.Id], head.TimestampUnixMs - 1), ConversationErrors.BackDated);
        Assert.Equal(EventAddOutcome.Accepted,
            log.Add(fixture.Write(fixture.Members[2], [head.Id], head.TimestampUnixMs), Now).Value.Outcome);
    }

    [Fact]
    public void A_timestamp_beyond_the_clock_skew_limit_is_refused_and_the_limit_itself_is_accepted()
    {
        (ConversationFixture fixture, ConversationLog log, ConversationEvent head) = Started(16);
        long limit = Now + Limits.MaxEventClockSkewMs;

        AssertRefused(log, fixture.Write(fixture.Members[2], [head.Id], limit + 1), ConversationErrors.FromTheFuture);
        AssertRefused(log, fixture.Write(fixture.Members[2], [EventId.FromBytes(fixture.RandomBytes(32))], limit + 1),
            ConversationErrors.FromTheFuture);
        Assert.Equal(EventAddOutcome.Accepted, log.Add(fixture.Write(fixture.Members[2], [head.Id], limit), Now).Value.Outcome);
        Assert.Equal(ConversationErrors.FromTheFuture,
            fixture.NewLog().Add(fixture.Write(fixture.Members[0], [], long.MaxValue), 0).Error);
    }

    [Fact]
    public void A_duplicate_is_reported_once_changes_nothing_and_is_shown_once()
    {
        (ConversationFixture fixture, ConversationLog log, ConversationEvent head) = Started(17);
        ConversationEvent reply = fixture.Write(fixture.Members[0], [head.Id], Now);
        Assert.Equal(EventAddOutcome.Accepted, log.Add(reply, Now).Value.Outcome);
        LogSnapshot before = LogSnapshot.Of(log);

        EventAddResult again = log.Add(ConversationEvent.Decode(reply.ToBytes()).Value, Now).Value;

        Assert.Equal(EventAddOutcome.Duplicate, again.Outcome);
        Assert.Empty(again.Accepted);
        Assert.Equal(before, LogSnapshot.Of(log));
        Assert.Single(log.Order(), id => id == reply.Id);
    }

    [Fact]
    public void Heads_are_the_events_nobody_names_as_parent()
    {
        var fixture = new ConversationFixture(18);
        ConversationLog log = fixture.NewLog();
        ConversationEvent root = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch);
        ConversationEvent left = fixture.Write(fixture.Members[1], [root.Id], ConversationFixture.Epoch + 1);
        ConversationEvent right = fixture.Write(fixture.Members[2], [root.Id], ConversationFixture.Epoch + 1);
        ConversationEvent merge = fixture.Write(fixture.Members[0], [left.Id, right.Id], ConversationFixture.Epoch + 2);

        _ = log.Add(root, Now);
        _ = log.Add(left, Now);
        _ = log.Add(right, Now);
        Assert.Equal(new[] { left.Id, right.Id }.Order(), log.Heads);
        _ = log.Add(merge, Now);
        Assert.Equal([merge.Id], log.Heads);
        Assert.True(log.TryGet(merge.Id, out ConversationEvent? stored));
        Assert.Equal(merge.ToBytes(), stored!.ToBytes());
    }

    [Fact]
    public void Parents_for_the_next_event_are_the_latest_heads_bounded_by_the_limit()
    {
        var fixture = new ConversationFixture(19);
        ConversationLog log = fixture.NewLog();
        var roots = new List<ConversationEvent>();
        for (int i = 0; i < Limits.MaxEventParents + 3; i++)
        {
            ConversationEvent root = fixture.Write(fixture.Members[i % 3], [], ConversationFixture.Epoch + i);
            roots.Add(root);
            _ = log.Add(root, Now);
        }

        IReadOnlyList<EventId> parents = log.ParentsForNextEvent();

        Assert.Equal(roots.AsEnumerable().Reverse().Take(Limits.MaxEventParents).Select(e => e.Id), parents);
        Assert.Equal(ConversationFixture.Epoch + Limits.MaxEventParents + 2, log.LatestTimestamp);
        ConversationEvent merge = fixture.Write(fixture.Members[0], parents, log.LatestTimestamp);
        Assert.Equal(EventAddOutcome.Accepted, log.Add(merge, Now).Value.Outcome);
        Assert.Equal(4, log.Heads.Count);
    }
}
