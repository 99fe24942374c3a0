using CsCheck;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Tests.Conversations;

/// <summary>The display order: topological, then timestamp, then id; the same on every replica.</summary>
public class ConversationOrderTests
{
    private const long Now = ConversationFixture.Epoch + 60_000;
    private const int Replicas = 3;

    [Fact]
    public void Concurrent_branches_interleave_by_timestamp_and_equal_timestamps_by_id()
    {
        var fixture = new ConversationFixture(30);
        ConversationEvent root = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch);
        ConversationEvent late = fixture.Write(fixture.Members[1], [root.Id], ConversationFixture.Epoch + 10);
        ConversationEvent early = fixture.Write(fixture.Members[2], [root.Id], ConversationFixture.Epoch + 5);
        ConversationEvent afterEarly = fixture.Write(fixture.Members[2], [early.Id], ConversationFixture.Epoch + 6);
        ConversationEvent tieA = fixture.Write(fixture.Members[0], [late.Id, afterEarly.Id], ConversationFixture.Epoch + 20);
        ConversationEvent tieB = fixture.Write(fixture.Members[1], [late.Id, afterEarly.Id], ConversationFixture.Epoch + 20);
        ConversationLog log = fixture.NewLog();
        foreach (ConversationEvent e in new[] { tieB, tieA, afterEarly, late, early, root })
        {
            Assert.True(log.Add(e, Now).IsOk);
        }

        EventId[] ties = [.. new[] { tieA.Id, tieB.Id }.Order()];
        Assert.Equal([root.Id, early.Id, afterEarly.Id, late.Id, ties[0], ties[1]], log.Order());
    }

    [Fact]
    public void A_parent_with_a_later_timestamp_than_an_unrelated_event_still_comes_before_its_children()
    {
        var fixture = new ConversationFixture(31);
        ConversationEvent first = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch + 50);
        ConversationEvent child = fixture.Write(fixture.Members[0], [first.Id], ConversationFixture.Epoch + 50);
        ConversationEvent other = fixture.Write(fixture.Members[1], [], ConversationFixture.Epoch + 10);
        ConversationLog log = fixture.NewLog();
        _ = log.Add(child, Now);
        _ = log.Add(first, Now);
        _ = log.Add(other, Now);

        Assert.Equal([other.Id, first.Id, child.Id], log.Order());
    }

    [Fact]
    public void Replicas_fed_the_same_events_in_any_order_with_duplicates_show_the_same_order()
    {
        // A statement lambda: CsCheck reports the failing seed, and each scenario names it in its messages.
        Gen.ULong.Sample(seed => { Scenario(seed); }, iter: 25, threads: 1);
    }

    private static void Scenario(ulong seed)
    {
        var fixture = new ConversationFixture(seed);
        List<ConversationEvent> events = RandomDag(fixture);
        List<EventId> expected = ReferenceOrder(events);
        List<EventId>? first = null;

        for (int replica = 0; replica < Replicas; replica++)
        {
            ConversationLog log = fixture.NewLog();
            foreach (ConversationEvent e in DeliveryWithDuplicates(fixture, events))
            {
                Assert.True(log.Add(ConversationEvent.Decode(e.ToBytes()).Value, Now).IsOk, $"seed {seed}");

                // One replica asks for the order after every event, exercising the incremental path.
                if (replica == 0)
                {
                    _ = log.Order();
                }
            }

            List<EventId> order = [.. log.Order()];
            Assert.True(log.PendingCount == 0 && log.Count == events.Count, $"seed {seed}");
            Assert.True(order.Distinct().Count() == order.Count, $"seed {seed}: an event is shown twice");
            AssertRespectsEveryParentEdge(events, order, seed);
            Assert.True(expected.SequenceEqual(order), $"seed {seed}: replica {replica} differs from the reference order");
            first ??= order;
            Assert.True(first.SequenceEqual(order), $"seed {seed}: replica {replica} differs from replica 0");
        }
    }

    /// <summary>Devices writing concurrently: each event names one to three earlier events (sometimes none),
    /// with a timestamp at or after its parents', and ties are frequent.</summary>
    internal static List<ConversationEvent> RandomDag(ConversationFixture fixture)
    {
        var events = new List<ConversationEvent>();
        int count = 20 + fixture.Random.NextInt(40);
        for (int i = 0; i < count; i++)
        {
            var parents = new HashSet<EventId>();
            if (i > 0 && fixture.Random.NextInt(10) != 0)
            {
                int wanted = 1 + fixture.Random.NextInt(Math.Min(3, i));
                while (parents.Count < wanted)
                {
                    parents.Add(events[fixture.Random.NextInt(i)].Id);
                }
            }

            long floor = parents.Count == 0
                ? ConversationFixture.Epoch
                : parents.Max(p => events.First(e => e.Id == p).TimestampUnixMs);
            ConversationFixture.Member author = fixture.Members[fixture.Random.NextInt(fixture.Members.Count)];
            events.Add(fixture.Write(author, parents, floor + fixture.Random.NextInt(3), $"m{i}"));
        }

        return events;
    }

    internal static List<ConversationEvent> DeliveryWithDuplicates(ConversationFixture fixture, List<ConversationEvent> events)
    {
        var delivery = new List<ConversationEvent>(events);
        for (int i = 0; i < events.Count / 5; i++)
        {
            delivery.Add(events[fixture.Random.NextInt(events.Count)]);
        }

        for (int i = delivery.Count - 1; i > 0; i--)
        {
            int j = fixture.Random.NextInt(i + 1);
            (delivery[i], delivery[j]) = (delivery[j], delivery[i]);
        }

        return delivery;
    }

    /// <summary>The rule as stated, naively: repeatedly place the smallest (timestamp, id) among the events
    /// whose parents are all placed.</summary>
    private static List<EventId> ReferenceOrder(List<ConversationEvent> events)
    {
        var placed = new HashSet<EventId>();
        var order = new List<EventId>();
        while (order.Count < events.Count)
        {
            ConversationEvent next = events
                .Where(e => !placed.Contains(e.Id) && e.Parents.All(placed.Contains))
                .OrderBy(e => e.TimestampUnixMs).ThenBy(e => e.Id)
                .First();
            placed.Add(next.Id);
            order.Add(next.Id);
        }

        return order;
    }

    private static void AssertRespectsEveryParentEdge(List<ConversationEvent> events, List<EventId> order, ulong seed)
    {
        var position = order.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        foreach (ConversationEvent e in events)
        {
            foreach (EventId parent in e.Parents)
            {
                Assert.True(position[parent] < position[e.Id], $"seed {seed}: {e.Id} is shown before its parent");
            }
        }
    }
}
