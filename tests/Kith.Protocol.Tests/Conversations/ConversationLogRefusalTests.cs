using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Tests.Conversations;

/// <summary>Refused (deleted) ids: never accepted again, and no parent of anything stranded by their absence.</summary>
public class ConversationLogRefusalTests
{
    private const long Now = ConversationFixture.Epoch + 60_000;

    private static (ConversationFixture Fixture, HashSet<EventId> Refused, ConversationLog Log, List<ConversationEvent> Chain) Setup(ulong seed)
    {
        var fixture = new ConversationFixture(seed);
        var refused = new HashSet<EventId>();
        var log = new ConversationLog(fixture.Conversation, fixture, isRefused: refused.Contains);
        var chain = new List<ConversationEvent>();
        for (int i = 0; i < 4; i++)
        {
            EventId[] parents = i == 0 ? [] : [chain[^1].Id];
            chain.Add(fixture.Write(fixture.Members[i % 3], parents, ConversationFixture.Epoch + i));
        }

        return (fixture, refused, log, chain);
    }

    [Fact]
    public void A_refused_id_is_a_no_op_and_its_child_is_accepted_without_it()
    {
        (_, HashSet<EventId> refused, ConversationLog log, List<ConversationEvent> chain) = Setup(60);
        Assert.True(log.Add(chain[0], Now).IsOk);
        refused.Add(chain[1].Id);
        LogSnapshot before = LogSnapshot.Of(log);

        Assert.Equal(EventAddOutcome.Refused, log.Add(chain[1], Now).Value.Outcome);
        Assert.Equal(before, LogSnapshot.Of(log));

        EventAddResult child = log.Add(chain[2], Now).Value;
        Assert.Equal(EventAddOutcome.Accepted, child.Outcome);
        Assert.Equal([chain[0].Id, chain[2].Id], log.Order());
        Assert.Empty(log.MissingParents());
        Assert.True(log.IsRefused(chain[1].Id));
    }

    [Fact]
    public void Forgetting_a_held_event_keeps_its_children_in_order_and_makes_its_childless_parent_a_head_again()
    {
        (_, HashSet<EventId> refused, ConversationLog log, List<ConversationEvent> chain) = Setup(61);
        foreach (ConversationEvent e in chain)
        {
            Assert.True(log.Add(e, Now).IsOk);
        }

        refused.Add(chain[3].Id);
        log.Forget(chain[3].Id);
        Assert.Equal([chain[2].Id], log.Heads);

        refused.Add(chain[1].Id);
        log.Forget(chain[1].Id);

        Assert.False(log.Contains(chain[1].Id));
        Assert.Equal([chain[0].Id, chain[2].Id], log.Order());
        Assert.Equal(new[] { chain[0].Id, chain[2].Id }.Order(), log.Heads);
    }

    [Fact]
    public void Forgetting_a_missing_parent_releases_the_pending_children_that_waited_on_it()
    {
        (_, HashSet<EventId> refused, ConversationLog log, List<ConversationEvent> chain) = Setup(62);
        Assert.True(log.Add(chain[0], Now).IsOk);
        Assert.Equal(EventAddOutcome.Pending, log.Add(chain[3], Now).Value.Outcome);
        Assert.Equal(EventAddOutcome.Pending, log.Add(chain[2], Now).Value.Outcome);
        Assert.Equal([chain[1].Id], log.MissingParents());

        refused.Add(chain[1].Id);
        EventAddResult released = log.Forget(chain[1].Id);

        Assert.Equal([chain[2].Id, chain[3].Id], released.Accepted);
        Assert.Equal(0, log.PendingCount);
        Assert.Equal([chain[0].Id, chain[2].Id, chain[3].Id], log.Order());
    }

    [Fact]
    public void A_refused_parent_is_not_reported_missing()
    {
        (_, HashSet<EventId> refused, ConversationLog log, List<ConversationEvent> chain) = Setup(63);
        Assert.Equal(EventAddOutcome.Pending, log.Add(chain[2], Now).Value.Outcome);
        Assert.Equal([chain[1].Id], log.MissingParents());

        refused.Add(chain[1].Id);

        Assert.Empty(log.MissingParents());
    }
}
