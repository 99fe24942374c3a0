using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.Sync;
using Kith.Protocol.Tests.Conversations;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Protocol.Tests.Sync;

public class SyncSessionTests
{
    internal const long Now = ConversationFixture.Epoch + 10_000_000;

    /// <summary>Appends <paramref name="count"/> events to <paramref name="log"/>, each on its current heads.</summary>
    internal static List<ConversationEvent> Grow(ConversationFixture fixture, ConversationLog log, int count, int member, ref long clock)
    {
        var written = new List<ConversationEvent>();
        for (int i = 0; i < count; i++)
        {
            ConversationEvent e = fixture.Write(fixture.Members[member], log.ParentsForNextEvent(), clock++);
            Assert.Equal(EventAddOutcome.Accepted, log.Add(e, Now).Value.Outcome);
            written.Add(e);
        }

        return written;
    }

    internal static void Copy(IEnumerable<ConversationEvent> events, ConversationLog to)
    {
        foreach (ConversationEvent e in events)
        {
            Assert.True(to.Add(e, Now).IsOk);
        }
    }

    [Fact]
    public void Replicas_with_disjoint_histories_converge_to_the_same_events_and_order()
    {
        var fixture = new ConversationFixture(100);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        Grow(fixture, a, 20, 0, ref clock);
        Grow(fixture, b, 30, 1, ref clock);

        var network = new SyncNetwork(a, b, Now);
        Assert.True(network.RunUntilConverged(1));
        Assert.Equal(50, a.Count);
        Assert.Equal(a.Order(), b.Order());
    }

    [Fact]
    public void Replicas_with_overlapping_histories_converge_and_fetch_only_what_they_lack()
    {
        var fixture = new ConversationFixture(101);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        Copy(Grow(fixture, a, 15, 0, ref clock), b);
        Grow(fixture, a, 10, 0, ref clock);
        Grow(fixture, b, 7, 1, ref clock);
        Grow(fixture, a, 3, 2, ref clock);

        var network = new SyncNetwork(a, b, Now);
        Assert.True(network.RunUntilConverged(1));
        Assert.Equal(15 + 10 + 7 + 3, b.Count);
        Assert.Equal(a.Order(), b.Order());
        Assert.Equal(a.Heads, b.Heads);
    }

    [Fact]
    public void A_chain_shorter_than_a_large_gap_arrives_with_one_want_and_its_offered_ancestors()
    {
        var fixture = new ConversationFixture(102);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        Grow(fixture, a, 200, 0, ref clock);

        var network = new SyncNetwork(a, b, Now);
        Assert.True(network.RunUntilConverged(1));
        Assert.Equal(200, b.Count);
        Assert.Equal(a.Order(), b.Order());

        // The want names only the head; the answer adds its 199 ancestors, oldest first, in full batches.
        int batches = (int)Math.Ceiling(200.0 / Limits.MaxSyncEventsPerBatch);
        Assert.Equal(2 + 1 + batches, network.Messages);
        Assert.Equal(200, network.EventsSent);
    }

    [Fact]
    public void Ancestors_are_offered_unasked_but_never_those_the_peers_heads_cover()
    {
        var fixture = new ConversationFixture(109);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        Copy(Grow(fixture, a, 40, 0, ref clock), b);
        Grow(fixture, a, 30, 1, ref clock);

        var network = new SyncNetwork(a, b, Now);
        network.RunSession();
        Assert.True(SyncNetwork.Converged(a, b));
        Assert.Equal(30, network.EventsSent);

        // Heads both ways, one want, one batch.
        Assert.Equal(4, network.Messages);
    }

    [Fact]
    public void Events_relayed_by_a_third_replica_arrive_unchanged_and_are_accepted()
    {
        var fixture = new ConversationFixture(110);
        ConversationLog alice = fixture.NewLog(), bob1 = fixture.NewLog(), bob2 = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        List<ConversationEvent> written = Grow(fixture, alice, 12, 0, ref clock);

        Assert.True(new SyncNetwork(alice, bob1, Now).RunUntilConverged(1));
        Assert.True(new SyncNetwork(bob1, bob2, Now).RunUntilConverged(1));
        Assert.Equal(alice.Order(), bob2.Order());
        Assert.All(written, e => Assert.True(bob2.TryGet(e.Id, out ConversationEvent? relayed)
            && relayed!.Encoding.SequenceEqual(e.Encoding)));
    }

    [Fact]
    public void A_gap_larger_than_the_pending_set_converges_in_one_session_as_ranges_send_oldest_first()
    {
        var fixture = new ConversationFixture(111);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog(maxPending: 300);
        long clock = ConversationFixture.Epoch;
        Grow(fixture, a, 1200, 0, ref clock);

        var network = new SyncNetwork(a, b, Now);
        // Walking back sent newest first and overflowed the pending set, needing several sessions; range
        // reconciliation sends each range oldest first, so events are accepted as they arrive.
        Assert.True(network.RunUntilConverged(1));
        Assert.Equal(1200, network.EventsSent);
        Assert.Equal(a.Order(), b.Order());
    }

    [Fact]
    public void Syncing_replicas_that_already_agree_sends_only_heads()
    {
        var fixture = new ConversationFixture(103);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        Copy(Grow(fixture, a, 10, 0, ref clock), b);

        var network = new SyncNetwork(a, b, Now);
        network.RunSession();
        Assert.Equal(2, network.Messages);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    public void Replicas_converge_despite_message_loss_and_duplication_by_restarting_sessions(ulong seed)
    {
        var fixture = new ConversationFixture(200 + seed);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        Copy(Grow(fixture, a, 20, 0, ref clock), b);
        for (int burst = 0; burst < 6; burst++)
        {
            Grow(fixture, a, 5 + fixture.Random.NextInt(20), burst % 3, ref clock);
            Grow(fixture, b, 5 + fixture.Random.NextInt(20), (burst + 1) % 3, ref clock);
        }

        var network = new SyncNetwork(a, b, Now)
        {
            Faults = new Kith.Crypto.SeededRandomSource(seed), DropPercent = 20, DuplicatePercent = 10,
        };
        Assert.True(network.RunUntilConverged(200), $"seed {seed}: no convergence after {network.Rounds - 1} sessions");
        Assert.Equal(a.Order(), b.Order());
        Assert.True(network.MaxMessageBytes <= Limits.MaxSyncMessageBytes);
    }

    [Fact]
    public void A_want_for_many_large_events_is_answered_in_batches_under_every_limit()
    {
        var fixture = new ConversationFixture(104);
        ConversationLog a = fixture.NewLog();
        var ids = new List<EventId>();
        string big = new('x', Limits.MaxEventCiphertext);
        for (int i = 0; i < 40; i++)
        {
            ConversationEvent e = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch + i, big);
            Assert.True(a.Add(e, Now).IsOk);
            ids.Add(e.Id);
        }

        SyncStep step = new SyncSession(a).Receive(new SyncWant(a.Conversation, ids), Now).Value;
        Assert.True(step.Outgoing.Count >= 3);
        Assert.Equal(40, step.Outgoing.Sum(m => ((SyncEvents)m).Events.Count));
        Assert.All(step.Outgoing, m => Assert.InRange(m.Encode().Length, 1, Limits.MaxSyncMessageBytes));
    }

    [Fact]
    public void A_message_for_another_conversation_is_refused_and_changes_nothing()
    {
        var fixture = new ConversationFixture(105);
        var other = new ConversationFixture(106);
        ConversationLog a = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        Grow(fixture, a, 3, 0, ref clock);
        var session = new SyncSession(a);
        var before = LogSnapshot.Of(a);

        var result = session.Receive(new SyncHeads(other.Conversation, [EventId.FromBytes(new byte[32])], 1), Now);
        Assert.Equal(SyncErrors.WrongConversation, result.Error);
        Assert.Equal(0, session.Outstanding);
        Assert.Equal(before, LogSnapshot.Of(a));
    }

    [Fact]
    public void Bad_events_in_a_batch_are_reported_and_the_good_ones_still_taken()
    {
        var fixture = new ConversationFixture(107);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        List<ConversationEvent> events = Grow(fixture, a, 2, 0, ref clock);
        byte[] forged = events[1].ToBytes();
        forged[^1] ^= 1;

        var batch = new SyncEvents(a.Conversation, [events[0].ToBytes(), [1, 2, 3], forged, events[1].ToBytes()]);
        SyncStep step = new SyncSession(b).Receive(batch, Now).Value;
        Assert.Equal([events[0].Id, events[1].Id], step.Accepted);
        Assert.Equal([1, 2], step.Refused.Select(r => r.Index));
        Assert.Equal(ConversationErrors.BadSignature, step.Refused[1].Error);
        Assert.Empty(step.Outgoing);
    }

    [Fact]
    public void An_id_already_asked_is_not_asked_again_while_its_answer_is_in_flight()
    {
        var fixture = new ConversationFixture(108);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        Grow(fixture, a, 1, 0, ref clock);
        var session = new SyncSession(b);
        SyncHeads heads = new SyncSession(a).Start();

        Assert.Single(session.Receive(heads, Now).Value.Outgoing);
        Assert.Empty(session.Receive(heads, Now).Value.Outgoing);
        Assert.Equal(1, session.Outstanding);
        Assert.Single(new SyncSession(b).Receive(heads, Now).Value.Outgoing);
    }
}
