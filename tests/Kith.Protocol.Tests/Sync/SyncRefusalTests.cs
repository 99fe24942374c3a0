using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.Sync;
using Kith.Protocol.Tests.Conversations;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Protocol.Tests.Sync;

/// <summary>Ids deleted on this account are known as refused: sync never asks a peer for them again.</summary>
public class SyncRefusalTests
{
    [Fact]
    public void A_refused_head_of_the_peer_is_not_asked_for_and_the_sync_still_converges_on_the_rest()
    {
        var fixture = new ConversationFixture(140);
        var refused = new HashSet<EventId>();
        ConversationLog a = new(fixture.Conversation, fixture, isRefused: refused.Contains);
        ConversationLog b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        List<ConversationEvent> shared = SyncSessionTests.Grow(fixture, b, 3, 1, ref clock);
        SyncSessionTests.Copy(shared, a);
        ConversationEvent deleted = fixture.Write(fixture.Members[1], b.ParentsForNextEvent(), clock++);
        Assert.True(b.Add(deleted, SyncSessionTests.Now).IsOk);
        refused.Add(deleted.Id);

        IReadOnlyList<SyncMessage> replies = new SyncSession(a).Receive(new SyncSession(b).Start(), SyncSessionTests.Now).Value.Outgoing;

        Assert.Empty(replies.OfType<SyncWant>());

        // A child of the deleted event still arrives, and nothing is left waiting for the deleted one.
        ConversationEvent child = fixture.Write(fixture.Members[1], [deleted.Id], clock++);
        Assert.True(b.Add(child, SyncSessionTests.Now).IsOk);
        new SyncNetwork(a, b, SyncSessionTests.Now).RunUntilConverged(2);
        Assert.True(a.Contains(child.Id));
        Assert.False(a.Contains(deleted.Id));
        Assert.Equal(0, a.PendingCount);
        Assert.Empty(a.MissingParents());
    }
}
