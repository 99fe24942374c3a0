using CsCheck;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.Sync;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Protocol.Tests.Conversations;

/// <summary>
/// Amortised signature checks (Conversations README): an event is vouched for by a verified event under the same
/// key whose parent ids lead to it, so a device writing alone costs one verification per batch; a forged event
/// vouches for nothing and nothing vouches for it; and whether an event gets in never depends on how the events
/// were batched or ordered.
/// </summary>
public class SameKeyEndorsementTests
{
    private const long Now = ConversationFixture.Epoch + 60_000;

    private static SyncStep Deliver(ConversationFixture fixture, ConversationLog log, IEnumerable<ConversationEvent> events,
        CountingScheduler? scheduler = null)
    {
        var batch = new SyncEvents(fixture.Conversation, [.. events.Select(e => e.ToBytes())]);
        CheckedSyncEvents checkedBatch = CheckedSyncEvents.Check(batch, (scheduler ?? new CountingScheduler()).ForEach);
        return new SyncSession(log).ReceiveChecked(checkedBatch, Now).Value;
    }

    [Fact]
    public void A_device_writing_alone_costs_one_verification_per_batch()
    {
        var fixture = new ConversationFixture(900);
        long clock = ConversationFixture.Epoch;
        List<ConversationEvent> events = fixture.Chain(0, Limits.MaxSyncEventsPerBatch, ref clock);
        var scheduler = new CountingScheduler();
        ConversationLog log = fixture.NewLog();

        SyncStep step = Deliver(fixture, log, events, scheduler);

        Assert.Equal(1, scheduler.Verifications);
        Assert.Empty(step.Refused);
        Assert.Equal(events.Select(e => e.Id), log.Order());
    }

    [Fact]
    public void A_forged_last_event_vouches_for_nothing_and_the_one_before_it_is_verified_instead()
    {
        var fixture = new ConversationFixture(901);
        long clock = ConversationFixture.Epoch;
        List<ConversationEvent> events = fixture.Chain(0, 10, ref clock);
        ConversationEvent forged = VerifiedEventTests.Forged(events[^1]);
        var scheduler = new CountingScheduler();
        ConversationLog log = fixture.NewLog();

        SyncStep step = Deliver(fixture, log, [.. events[..^1], forged], scheduler);

        Assert.Equal(2, scheduler.Verifications);
        Assert.Equal(9, log.Count);
        Assert.False(log.Contains(forged.Id));
        Assert.Equal([new SyncRefusal(9, forged.Id, ConversationErrors.BadSignature)], step.Refused);
    }

    /// <summary>An event by member 0 with a broken signature, and a valid event by <paramref name="coverer"/> on it.</summary>
    private static (ConversationEvent MisSigned, ConversationEvent Cover) SignedOver(ConversationFixture fixture, int coverer, long coverTimestamp)
    {
        ConversationEvent misSigned = VerifiedEventTests.Forged(fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch));
        return (misSigned, fixture.Write(fixture.Members[coverer], [misSigned.Id], coverTimestamp));
    }

    [Fact]
    public void Another_keys_event_on_a_forged_one_does_not_vouch_for_it_in_a_batch_or_waiting()
    {
        var fixture = new ConversationFixture(902);
        (ConversationEvent forged, ConversationEvent cover) = SignedOver(fixture, coverer: 1, ConversationFixture.Epoch + 1);
        ConversationLog batched = fixture.NewLog(), apart = fixture.NewLog();

        SyncStep step = Deliver(fixture, batched, [forged, cover]);
        Assert.Contains(new SyncRefusal(0, forged.Id, ConversationErrors.BadSignature), step.Refused);
        Assert.True(batched.IsPending(cover.Id));

        Assert.Equal(EventAddOutcome.Pending, apart.Add(cover, Now).Value.Outcome);
        Assert.Equal(ConversationErrors.BadSignature, apart.Add(forged, Now).Error);
        Assert.Equal(0, apart.Count);
    }

    [Fact]
    public void An_author_signing_over_its_own_broken_event_gets_the_same_outcome_however_the_events_arrive()
    {
        var fixture = new ConversationFixture(903);
        (ConversationEvent misSigned, ConversationEvent cover) = SignedOver(fixture, coverer: 0, ConversationFixture.Epoch + 1);

        ConversationLog batched = fixture.NewLog();
        Assert.Empty(Deliver(fixture, batched, [misSigned, cover]).Refused);

        // Alone it is refused (nothing vouches for it yet); once its cover waits for it, the cover vouches.
        ConversationLog apart = fixture.NewLog();
        Assert.Equal(ConversationErrors.BadSignature, apart.Add(misSigned, Now).Error);
        Assert.Equal(EventAddOutcome.Pending, apart.Add(cover, Now).Value.Outcome);
        Assert.Equal([misSigned.Id, cover.Id], apart.Add(misSigned, Now).Value.Accepted);

        Assert.Equal(2, batched.Count);
        Assert.Equal(LogSnapshot.Of(batched), LogSnapshot.Of(apart));
    }

    [Fact]
    public void A_cover_that_breaks_another_rule_vouches_for_nothing_in_a_batch_as_it_could_not_while_waiting()
    {
        var fixture = new ConversationFixture(904);
        long future = Now + Limits.MaxEventClockSkewMs + 1;
        (ConversationEvent misSigned, ConversationEvent cover) = SignedOver(fixture, coverer: 0, future);
        ConversationLog log = fixture.NewLog();

        SyncStep step = Deliver(fixture, log, [misSigned, cover]);

        Assert.Equal([new SyncRefusal(0, misSigned.Id, ConversationErrors.BadSignature),
            new SyncRefusal(1, cover.Id, ConversationErrors.FromTheFuture)], step.Refused);
        Assert.Equal(0, log.Count + log.PendingCount);
    }

    [Fact]
    public void For_any_dag_with_forged_and_signed_over_events_every_batching_and_order_ends_in_the_same_log()
    {
        Gen.UInt.Sample(seed =>
        {
            var fixture = new ConversationFixture(910 + (ulong)seed);
            var random = new Random(unchecked((int)seed));
            List<ConversationEvent> events = RandomDag(fixture, random, out HashSet<EventId> forged);

            ConversationLog reference = fixture.NewLog();
            DeliverUntilQuiet(fixture, reference, [events], new Random(1));
            Assert.DoesNotContain(reference.Order(), forged.Contains);
            for (int schedule = 0; schedule < 3; schedule++)
            {
                ConversationLog log = fixture.NewLog();
                List<ConversationEvent> shuffled = [.. events.OrderBy(_ => random.Next())];
                var batches = new List<List<ConversationEvent>>();
                for (int at = 0; at < shuffled.Count;)
                {
                    int size = Math.Min(random.Next(1, 12), shuffled.Count - at);
                    batches.Add(shuffled.GetRange(at, size));
                    at += size;
                }

                DeliverUntilQuiet(fixture, log, batches, random);
                Assert.Equal(LogSnapshot.Of(reference), LogSnapshot.Of(log));
            }
        }, iter: 25, threads: 1);
    }

    /// <summary>
    /// Three members writing on each other's heads; some events have their signature broken by their own author
    /// (who goes on writing on them), some are forged copies of valid events that nothing names, and a device that
    /// is not a member writes some (refused, so they pass no vouching on).
    /// </summary>
    private static List<ConversationEvent> RandomDag(ConversationFixture fixture, Random random, out HashSet<EventId> forged)
    {
        var events = new List<ConversationEvent>();
        var heads = new List<EventId>();
        forged = [];
        long clock = ConversationFixture.Epoch;
        ConversationFixture.Member outsider = fixture.NewDevice();
        for (int i = 0; i < 40; i++)
        {
            EventId[] parents = [.. heads.OrderBy(_ => random.Next()).Take(random.Next(1, 3))];
            ConversationFixture.Member author = random.Next(10) == 0 ? outsider : fixture.Members[random.Next(3)];
            ConversationEvent e = fixture.Write(author, parents, clock++);
            switch (random.Next(6))
            {
                case 0:
                    e = VerifiedEventTests.Forged(e);
                    break;
                case 1:
                    ConversationEvent copy = VerifiedEventTests.Forged(e);
                    events.Add(copy);
                    _ = forged.Add(copy.Id);
                    break;
            }

            events.Add(e);
            heads.RemoveAll(parents.Contains);
            heads.Add(e.Id);
        }

        return events;
    }

    /// <summary>Delivers the batches, then offers what is still missing again, in random batches, until nothing changes (as sync retries).</summary>
    private static void DeliverUntilQuiet(ConversationFixture fixture, ConversationLog log, List<List<ConversationEvent>> batches, Random random)
    {
        foreach (List<ConversationEvent> batch in batches)
        {
            _ = Deliver(fixture, log, batch);
        }

        for (int before = -1; before != log.Count + log.PendingCount;)
        {
            before = log.Count + log.PendingCount;
            List<ConversationEvent> missing = [.. batches.SelectMany(b => b).Where(e => !log.Contains(e.Id) && !log.IsPending(e.Id))];
            foreach (ConversationEvent[] chunk in missing.OrderBy(_ => random.Next()).Chunk(random.Next(1, 12)))
            {
                _ = Deliver(fixture, log, chunk);
            }
        }
    }
}
