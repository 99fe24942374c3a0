using CsCheck;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Protocol.Conversations;
using Kith.Protocol.Sync;
using Kith.Protocol.Tests.Conversations;
using Kith.Wire.Sync;

namespace Kith.Protocol.Tests.Sync;

/// <summary>Range-based set reconciliation for large gaps (Meyer, arXiv 2212.13567; Negentropy) inside <see cref="SyncSession"/>.</summary>
public class SyncRangeTests
{
    private const long Now = SyncSessionTests.Now;

    /// <summary>Both logs write <paramref name="each"/> events in turns of <paramref name="turn"/>, so their timestamps interleave.</summary>
    private static void Partition(ConversationFixture fixture, ConversationLog a, ConversationLog b, int each, int turn, ref long clock)
    {
        for (int written = 0; written < each; written += turn)
        {
            SyncSessionTests.Grow(fixture, a, turn, 0, ref clock);
            SyncSessionTests.Grow(fixture, b, turn, 1, ref clock);
        }
    }

    [Fact]
    public void A_new_empty_replica_gets_5000_events_in_a_logarithmic_number_of_round_trips()
    {
        var fixture = new ConversationFixture(300);

        // A pending set of 16 proves the events arrive in order: a round that sent later ranges before
        // earlier ones would overflow it and lose events to a later session.
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog(maxPending: 16);
        long clock = ConversationFixture.Epoch;
        SyncSessionTests.Grow(fixture, a, 5000, 0, ref clock);

        var network = new SyncNetwork(a, b, Now);
        Assert.True(network.RunUntilConverged(1));
        Assert.Equal(a.Order(), b.Order());

        // Heads, the opening range, then each round splits the unmatched ranges 16-fold until they are small
        // enough to send: about log16(5000 / 1024) + 3 round trips, where walking back would take 5000 / 257 = 20.
        int logarithmic = (int)Math.Ceiling(Math.Log(5000.0 / Limits.MaxSyncPushedPerRange, Limits.SyncRangeSplit)) + 3;
        Assert.InRange(network.RoundTrips, 2, logarithmic);
        Assert.True(network.RoundTrips < 5000 / (Limits.MaxSyncOfferedAncestors + 1));
        Assert.Equal(5000, network.EventsSent);
        Assert.InRange(network.MaxMessageBytes, 1, Limits.MaxSyncMessageBytes);
    }

    [Fact]
    public void Replicas_partitioned_with_thousands_of_unique_events_each_converge_sending_only_the_difference()
    {
        var fixture = new ConversationFixture(301);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        SyncSessionTests.Copy(SyncSessionTests.Grow(fixture, a, 500, 2, ref clock), b);
        Partition(fixture, a, b, 2000, 40, ref clock);

        var network = new SyncNetwork(a, b, Now);
        Assert.True(network.RunUntilConverged(1));
        Assert.Equal(4500, a.Count);
        Assert.Equal(a.Order(), b.Order());
        Assert.Equal(a.Heads, b.Heads);

        // The first walk-back answer shows the gap is deep; ranges find the rest. Beyond that answer (at
        // most MaxSyncOfferedAncestors + 1 events per side), each event crosses once.
        Assert.InRange(network.EventsSent, 4000, 4000 + (2 * (Limits.MaxSyncOfferedAncestors + 1)));
        Assert.InRange(network.RoundTrips, 2, 12);
    }

    [Fact]
    public void A_peer_announcing_a_large_gap_is_answered_with_ranges_not_wants()
    {
        var fixture = new ConversationFixture(302);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        SyncSessionTests.Grow(fixture, a, Limits.SyncLargeGap + 1, 0, ref clock);
        var session = new SyncSession(b);

        SyncStep step = session.Receive(new SyncSession(a).Start(), Now).Value;

        SyncRanges opening = Assert.IsType<SyncRanges>(Assert.Single(step.Outgoing));
        SyncRange whole = Assert.Single(opening.Ranges);
        Assert.Equal((SyncBound.Min, SyncBound.Max, SyncRangeMode.IdList, 0), (whole.Lower, whole.Upper, whole.Mode, whole.Ids.Count));
        Assert.True(session.Reconciling);
    }

    [Fact]
    public void A_small_gap_still_walks_back_with_one_want()
    {
        var fixture = new ConversationFixture(303);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        SyncSessionTests.Copy(SyncSessionTests.Grow(fixture, a, 1000, 0, ref clock), b);
        SyncSessionTests.Grow(fixture, a, 30, 1, ref clock);

        var network = new SyncNetwork(a, b, Now);
        Assert.True(network.RunUntilConverged(1));
        Assert.Equal(4, network.Messages); // heads both ways, one want, one batch
    }

    [Fact]
    public void Replicas_converge_under_loss_and_duplication_by_restarting_sessions_for_any_seed()
    {
        Gen.UInt.Sample(seed =>
        {
            var fixture = new ConversationFixture(400 + (ulong)seed);
            ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
            long clock = ConversationFixture.Epoch;
            SyncSessionTests.Copy(SyncSessionTests.Grow(fixture, a, 50, 2, ref clock), b);
            Partition(fixture, a, b, 400 + fixture.Random.NextInt(200), 20, ref clock);
            SyncSessionTests.Grow(fixture, a, fixture.Random.NextInt(400), 0, ref clock);

            var network = new SyncNetwork(a, b, Now)
            {
                Faults = new SeededRandomSource(seed), DropPercent = 20, DuplicatePercent = 10,
            };
            Assert.True(network.RunUntilConverged(100), $"seed {seed}: no convergence after {network.Rounds - 1} sessions");
            Assert.Equal(a.Order(), b.Order());
        }, iter: 6, threads: 1);
    }

    [Fact]
    public void Ranges_for_another_conversation_are_refused_and_change_nothing()
    {
        var fixture = new ConversationFixture(304);
        var other = new ConversationFixture(305);
        ConversationLog log = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        SyncSessionTests.Grow(fixture, log, 10, 0, ref clock);
        LogSnapshot before = LogSnapshot.Of(log);
        var session = new SyncSession(log);

        var ranges = new SyncRanges(other.Conversation, [SyncRange.Listed(SyncBound.Min, SyncBound.Max, [])]);
        Assert.Equal(SyncErrors.WrongConversation, session.Receive(ranges, Now).Error);
        Assert.False(session.Reconciling);
        Assert.Equal(before, LogSnapshot.Of(log));
    }

    [Fact]
    public void Hostile_ranges_make_the_log_change_nothing_and_the_answer_stays_bounded()
    {
        var fixture = new ConversationFixture(306);
        ConversationLog log = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        SyncSessionTests.Grow(fixture, log, 3000, 0, ref clock);
        LogSnapshot before = LogSnapshot.Of(log);
        var session = new SyncSession(log);

        // The most ranges a message may hold, each claiming ids nobody has, over the whole history.
        long step = (clock - ConversationFixture.Epoch) / Limits.MaxSyncRangesPerMessage;
        var ranges = Enumerable.Range(0, Limits.MaxSyncRangesPerMessage).Select(i => SyncRange.Listed(
            new SyncBound(ConversationFixture.Epoch + (i * step), SyncBound.Min.Id),
            new SyncBound(ConversationFixture.Epoch + ((i + 1) * step), SyncBound.Min.Id),
            Enumerable.Range(0, Limits.MaxSyncRangeIds).Select(_ => Kith.Primitives.Ids.EventId.FromBytes(fixture.RandomBytes(32)))));
        SyncStep answer = session.Receive(new SyncRanges(log.Conversation, ranges), Now).Value;

        Assert.Equal(before, LogSnapshot.Of(log));
        
        // Event i has timestamp Epoch + i: each range holds `step` of ours, none of which its list names.
        Assert.Equal(Limits.MaxSyncRangesPerMessage * step, answer.Outgoing.OfType<SyncEvents>().Sum(m => m.Events.Count));
        Assert.All(answer.Outgoing, m => Assert.InRange(m.Encode().Length, 1, Limits.MaxSyncMessageBytes));
        Assert.All(answer.Outgoing.OfType<SyncRanges>(), m => Assert.InRange(m.Ranges.Count, 1, Limits.MaxSyncRangesPerMessage));
        Assert.Equal(Limits.MaxSyncRangesPerMessage * Limits.MaxSyncRangeIds, answer.Outgoing.OfType<SyncWant>().Sum(m => m.Ids.Count));
    }
}
