using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Tests.Conversations;

public class ConversationLogPendingTests
{
    private const long Now = ConversationFixture.Epoch + 60_000;

    /// <summary>A chain root ← e1 ← e2 ← ... written by rotating members.</summary>
    private static List<ConversationEvent> Chain(ConversationFixture fixture, int length)
    {
        var chain = new List<ConversationEvent>();
        for (int i = 0; i < length; i++)
        {
            EventId[] parents = i == 0 ? [] : [chain[^1].Id];
            chain.Add(fixture.Write(fixture.Members[i % fixture.Members.Count], parents, ConversationFixture.Epoch + i));
        }

        return chain;
    }

    [Fact]
    public void Events_arriving_children_first_wait_and_are_all_accepted_when_the_root_arrives()
    {
        var fixture = new ConversationFixture(20);
        List<ConversationEvent> chain = Chain(fixture, 6);
        ConversationLog log = fixture.NewLog();

        for (int i = chain.Count - 1; i > 0; i--)
        {
            Assert.Equal(EventAddOutcome.Pending, log.Add(chain[i], Now).Value.Outcome);
        }

        Assert.Equal(0, log.Count);
        Assert.Equal(5, log.PendingCount);
        Assert.Equal([chain[0].Id], log.MissingParents());

        EventAddResult result = log.Add(chain[0], Now).Value;

        Assert.Equal(EventAddOutcome.Accepted, result.Outcome);
        Assert.Equal(chain.Select(e => e.Id), result.Accepted);
        Assert.Equal(0, log.PendingCount);
        Assert.Empty(log.MissingParents());
        Assert.Equal(chain.Select(e => e.Id), log.Order());
        Assert.Equal([chain[^1].Id], log.Heads);
    }

    [Fact]
    public void A_pending_duplicate_is_idempotent()
    {
        var fixture = new ConversationFixture(21);
        List<ConversationEvent> chain = Chain(fixture, 2);
        ConversationLog log = fixture.NewLog();
        _ = log.Add(chain[1], Now);
        LogSnapshot before = LogSnapshot.Of(log);

        Assert.Equal(EventAddOutcome.Duplicate, log.Add(chain[1], Now).Value.Outcome);
        Assert.Equal(before, LogSnapshot.Of(log));
    }

    [Fact]
    public void A_full_pending_set_evicts_its_oldest_arrival_and_says_so()
    {
        var fixture = new ConversationFixture(22);
        List<ConversationEvent> chain = Chain(fixture, 5);
        ConversationLog log = fixture.NewLog(maxPending: 2);

        _ = log.Add(chain[4], Now);
        _ = log.Add(chain[3], Now);
        EventAddResult third = log.Add(chain[2], Now).Value;

        Assert.Equal(EventAddOutcome.Pending, third.Outcome);
        Assert.Equal([chain[4].Id], third.Evicted);
        Assert.False(log.IsPending(chain[4].Id));
        Assert.True(log.IsPending(chain[3].Id) && log.IsPending(chain[2].Id));

        // The rest of the chain still resolves; the evicted event must simply be offered again.
        _ = log.Add(chain[0], Now);
        EventAddResult released = log.Add(chain[1], Now).Value;
        Assert.Equal([chain[1].Id, chain[2].Id, chain[3].Id], released.Accepted);
        Assert.Equal(EventAddOutcome.Accepted, log.Add(chain[4], Now).Value.Outcome);
        Assert.Equal(chain.Select(e => e.Id), log.Order());
    }

    [Fact]
    public void The_pending_byte_budget_evicts_too_and_an_event_that_can_never_fit_is_refused_cleanly()
    {
        var fixture = new ConversationFixture(23);
        List<ConversationEvent> chain = Chain(fixture, 4);
        int size = chain[2].EncodedLength;
        ConversationLog log = fixture.NewLog(maxPending: 100, maxPendingBytes: (2 * size) + (size / 2));

        _ = log.Add(chain[3], Now);
        _ = log.Add(chain[2], Now);
        Assert.Equal([chain[3].Id], log.Add(chain[1], Now).Value.Evicted);

        ConversationLog none = fixture.NewLog(maxPending: 0);
        LogSnapshot before = LogSnapshot.Of(none);
        Assert.Equal(ConversationErrors.PendingFull, none.Add(chain[1], Now).Error);
        Assert.Equal(before, LogSnapshot.Of(none));
    }

    [Fact]
    public void A_back_dated_pending_event_is_dropped_with_its_pending_descendants_when_its_parent_arrives()
    {
        var fixture = new ConversationFixture(24);
        ConversationEvent root = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch + 100);
        ConversationEvent backDated = fixture.Write(fixture.Members[1], [root.Id], ConversationFixture.Epoch + 50);
        ConversationEvent grandchild = fixture.Write(fixture.Members[2], [backDated.Id], ConversationFixture.Epoch + 200);
        ConversationEvent sibling = fixture.Write(fixture.Members[2], [root.Id], ConversationFixture.Epoch + 150);
        ConversationLog log = fixture.NewLog();
        _ = log.Add(grandchild, Now);
        _ = log.Add(backDated, Now);
        _ = log.Add(sibling, Now);

        EventAddResult result = log.Add(root, Now).Value;

        Assert.Equal([root.Id, sibling.Id], result.Accepted);
        Assert.Equal(
            [new RejectedEvent(backDated.Id, ConversationErrors.BackDated), new RejectedEvent(grandchild.Id, ConversationErrors.ParentRejected)],
            result.Rejected);
        Assert.Equal(0, log.PendingCount);
        Assert.Equal([root.Id, sibling.Id], log.Order());
    }

    [Fact]
    public void An_event_waiting_on_two_missing_parents_is_accepted_only_after_both()
    {
        var fixture = new ConversationFixture(25);
        ConversationEvent a = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch);
        ConversationEvent b = fixture.Write(fixture.Members[1], [], ConversationFixture.Epoch);
        ConversationEvent merge = fixture.Write(fixture.Members[2], [a.Id, b.Id], ConversationFixture.Epoch + 1);
        ConversationLog log = fixture.NewLog();
        _ = log.Add(merge, Now);

        Assert.Equal(new[] { a.Id, b.Id }.Order(), log.MissingParents());
        Assert.Equal([a.Id], log.Add(a, Now).Value.Accepted);
        Assert.True(log.IsPending(merge.Id));
        Assert.Equal([b.Id, merge.Id], log.Add(b, Now).Value.Accepted);
    }
}
