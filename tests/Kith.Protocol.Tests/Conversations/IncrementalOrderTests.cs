using CsCheck;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Tests.Conversations;

/// <summary>
/// The display order is kept by inserting each accepted event and removing each forgotten one, not by sorting
/// again: after every step it must equal the full sort of the events held, and the positions the log reports as
/// unmoved must really be unmoved.
/// </summary>
public class IncrementalOrderTests
{
    private const long Now = ConversationFixture.Epoch + 60_000;

    [Fact]
    public void After_every_add_and_forget_the_order_equals_the_full_sort_and_the_unmoved_prefix_is_unmoved()
    {
        Gen.ULong.Sample(seed => { Scenario(seed); }, iter: 40, threads: 1);
    }

    [Fact]
    public void A_late_event_is_inserted_after_its_parent_before_the_first_larger_key_and_moves_only_what_follows()
    {
        var fixture = new ConversationFixture(60);
        ConversationEvent root = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch);
        ConversationEvent a = fixture.Write(fixture.Members[0], [root.Id], ConversationFixture.Epoch + 10);
        ConversationEvent b = fixture.Write(fixture.Members[0], [a.Id], ConversationFixture.Epoch + 20);
        ConversationEvent late = fixture.Write(fixture.Members[1], [root.Id], ConversationFixture.Epoch + 15);
        ConversationLog log = fixture.NewLog();
        foreach (ConversationEvent e in new[] { root, a, b })
        {
            Assert.True(log.Add(e, Now).IsOk);
        }

        log.MarkOrderSeen();
        Assert.Equal(3, log.UnmovedPrefix);
        Assert.True(log.Add(late, Now).IsOk);

        Assert.Equal([root.Id, a.Id, late.Id, b.Id], log.Order());
        Assert.Equal(2, log.UnmovedPrefix);
    }

    private static void Scenario(ulong seed)
    {
        var fixture = new ConversationFixture(seed);
        List<ConversationEvent> events = ConversationOrderTests.RandomDag(fixture);
        var refused = new HashSet<EventId>();
        var log = new ConversationLog(fixture.Conversation, fixture, isRefused: refused.Contains);
        List<EventId> seen = [];
        foreach (ConversationEvent e in ConversationOrderTests.DeliveryWithDuplicates(fixture, events))
        {
            Assert.True(log.Add(e, Now).IsOk, $"seed {seed}");
            if (log.Count > 0 && fixture.Random.NextInt(12) == 0)
            {
                // A deletion: a held event leaves, its children keep their place.
                EventId doomed = log.OrderAt(fixture.Random.NextInt(log.Count));
                refused.Add(doomed);
                log.Forget(doomed);
            }

            List<EventId> order = [.. log.Order()];
            Assert.True(ReferenceOrder(events.Where(x => log.Contains(x.Id)).ToList()).SequenceEqual(order),
                $"seed {seed}: the kept order differs from the full sort");
            int unmoved = log.UnmovedPrefix;
            Assert.True(unmoved <= seen.Count && seen.Take(unmoved).SequenceEqual(order.Take(unmoved)),
                $"seed {seed}: a position reported unmoved moved");
            log.MarkOrderSeen();
            seen = order;
        }
    }

    /// <summary>The rule as stated, naively, over a set of held events: parents outside the set (deleted) are ignored.</summary>
    private static List<EventId> ReferenceOrder(List<ConversationEvent> held)
    {
        var inSet = held.Select(e => e.Id).ToHashSet();
        var placed = new HashSet<EventId>();
        var order = new List<EventId>();
        while (order.Count < held.Count)
        {
            ConversationEvent next = held
                .Where(e => !placed.Contains(e.Id) && e.Parents.Where(inSet.Contains).All(placed.Contains))
                .OrderBy(e => e.TimestampUnixMs).ThenBy(e => e.Id)
                .First();
            placed.Add(next.Id);
            order.Add(next.Id);
        }

        return order;
    }
}
