using Kith.Protocol.Conversations;
using Kith.Storage.Tests.Support;
using Kith.Wire.Conversations;

namespace Kith.Storage.Tests.Conformance;

/// <summary>What every <see cref="IEventStore"/> must do, run against each implementation.</summary>
public abstract class EventStoreConformance : OwnedResources
{
    /// <summary>A new empty store.</summary>
    protected abstract IEventStore CreateStore();

    private static readonly EventSamples Samples = new(seed: 70);
    private static readonly List<ConversationEvent> Events = Samples.Dag(12);

    [Fact]
    public void An_empty_store_has_no_events()
    {
        IEventStore store = CreateStore();
        Assert.Equal(0, store.Count(Samples.Conversation));
        Assert.Empty(store.All(Samples.Conversation).Value);
        Assert.False(store.Contains(Samples.Conversation, Events[0].Id));
        Assert.Null(store.Get(Samples.Conversation, Events[0].Id).Value);
    }

    [Fact]
    public void Appended_events_read_back_byte_for_byte_in_arrival_order()
    {
        IEventStore store = CreateStore();
        // Arrival order is not the DAG's order: the store keeps whatever order it was given.
        List<ConversationEvent> arrival = [.. Events.AsEnumerable().Reverse()];
        foreach (ConversationEvent e in arrival)
        {
            store.Append(Samples.Conversation, e);
        }

        Assert.Equal(arrival.Count, store.Count(Samples.Conversation));
        Assert.Equal(arrival.Select(e => e.ToBytes()), store.All(Samples.Conversation).Value.Select(e => e.ToBytes()));
        foreach (ConversationEvent e in arrival)
        {
            Assert.True(store.Contains(Samples.Conversation, e.Id));
            Assert.Equal(e.ToBytes(), store.Get(Samples.Conversation, e.Id).Value!.ToBytes());
        }
    }

    [Fact]
    public void Conversations_are_kept_apart()
    {
        var other = new EventSamples(seed: 71);
        ConversationEvent elsewhere = other.Write(0, [], EventSamples.Epoch);
        IEventStore store = CreateStore();
        store.Append(Samples.Conversation, Events[0]);
        store.Append(other.Conversation, elsewhere);
        Assert.Equal(1, store.Count(Samples.Conversation));
        Assert.Equal(1, store.Count(other.Conversation));
        Assert.False(store.Contains(Samples.Conversation, elsewhere.Id));
        Assert.False(store.Contains(other.Conversation, Events[0].Id));
        Assert.Null(store.Get(Samples.Conversation, elsewhere.Id).Value);
        Assert.Equal(elsewhere.Id, Assert.Single(store.All(other.Conversation).Value).Id);
    }

    [Fact]
    public void An_event_appended_under_another_conversation_is_a_caller_bug_and_changes_nothing()
    {
        var other = new EventSamples(seed: 72);
        IEventStore store = CreateStore();
        Assert.Throws<ArgumentException>(() => store.Append(other.Conversation, Events[0]));
        Assert.Equal(0, store.Count(other.Conversation));
        Assert.Equal(0, store.Count(Samples.Conversation));
        Assert.Throws<ArgumentNullException>(() => store.Append(Samples.Conversation, null!));
    }

    [Fact]
    public void Replaying_all_events_into_a_fresh_log_rebuilds_the_same_order()
    {
        ConversationLog original = Samples.NewLog();
        IEventStore store = CreateStore();
        foreach (ConversationEvent e in Events)
        {
            Assert.True(original.Add(e, EventSamples.Epoch + 1_000).IsOk);
            store.Append(Samples.Conversation, e);
        }

        ConversationLog rebuilt = Samples.NewLog();
        foreach (ConversationEvent e in store.All(Samples.Conversation).Value)
        {
            Assert.Equal(EventAddOutcome.Accepted, rebuilt.Add(e, EventSamples.Epoch + 1_000).Value.Outcome);
        }

        Assert.Equal(original.Order(), rebuilt.Order());
        Assert.Equal(original.Heads, rebuilt.Heads);
        Assert.Equal(0, rebuilt.PendingCount);
    }

    [Fact]
    public void Events_of_the_largest_allowed_size_round_trip()
    {
        var samples = new EventSamples(seed: 73);
        ConversationEvent large = samples.Write(0, [], EventSamples.Epoch, new string('x', Kith.Primitives.Limits.MaxEventCiphertext));
        IEventStore store = CreateStore();
        store.Append(samples.Conversation, large);
        Assert.Equal(large.ToBytes(), store.Get(samples.Conversation, large.Id).Value!.ToBytes());
    }

    [Fact]
    public void AppendMany_appends_in_the_given_order_after_what_is_stored()
    {
        IEventStore store = CreateStore();
        store.Append(Samples.Conversation, Events[2]);
        store.AppendMany(Samples.Conversation, [Events[0], Events[1], Events[3]]);
        store.AppendMany(Samples.Conversation, []);
        Assert.Equal(4, store.Count(Samples.Conversation));
        Assert.Equal([Events[2].Id, Events[0].Id, Events[1].Id, Events[3].Id], store.All(Samples.Conversation).Value.Select(e => e.Id));
    }

    [Fact]
    public void AppendMany_after_single_appends_continues_the_arrival_order()
    {
        IEventStore store = CreateStore();
        store.AppendMany(Samples.Conversation, Events[..6]);
        store.Append(Samples.Conversation, Events[6]);
        store.AppendMany(Samples.Conversation, Events[7..]);
        Assert.Equal(Events.Select(e => e.ToBytes()), store.All(Samples.Conversation).Value.Select(e => e.ToBytes()));
        Assert.Equal(Events[11].ToBytes(), store.Get(Samples.Conversation, Events[11].Id).Value!.ToBytes());
    }

    [Fact]
    public void AppendMany_with_one_misplaced_event_throws_and_appends_nothing()
    {
        var other = new EventSamples(seed: 75);
        ConversationEvent elsewhere = other.Write(0, [], EventSamples.Epoch);
        IEventStore store = CreateStore();
        Assert.Throws<ArgumentException>(() => store.AppendMany(Samples.Conversation, [Events[0], elsewhere]));
        Assert.Equal(0, store.Count(Samples.Conversation));
        Assert.Equal(0, store.Count(other.Conversation));
        Assert.Throws<ArgumentNullException>(() => store.AppendMany(Samples.Conversation, null!));
    }

    [Fact]
    public void Remove_takes_one_event_out_and_the_others_keep_their_arrival_order()
    {
        IEventStore store = CreateStore();
        store.AppendMany(Samples.Conversation, Events[..4]);

        Assert.True(store.Remove(Samples.Conversation, Events[1].Id));

        Assert.False(store.Contains(Samples.Conversation, Events[1].Id));
        Assert.Null(store.Get(Samples.Conversation, Events[1].Id).Value);
        Assert.Equal(3, store.Count(Samples.Conversation));
        Assert.Equal([Events[0].Id, Events[2].Id, Events[3].Id], store.All(Samples.Conversation).Value.Select(e => e.Id));
        Assert.Equal(Events[2].ToBytes(), store.Get(Samples.Conversation, Events[2].Id).Value!.ToBytes());
        Assert.False(store.Remove(Samples.Conversation, Events[1].Id));
    }

    [Fact]
    public void Remove_of_an_unknown_event_or_one_of_another_conversation_changes_nothing()
    {
        var other = new EventSamples(seed: 76);
        ConversationEvent elsewhere = other.Write(0, [], EventSamples.Epoch);
        IEventStore store = CreateStore();
        store.Append(Samples.Conversation, Events[0]);
        store.Append(other.Conversation, elsewhere);

        Assert.False(store.Remove(Samples.Conversation, Events[1].Id));
        Assert.False(store.Remove(Samples.Conversation, elsewhere.Id));
        Assert.False(store.Remove(other.Conversation, Events[0].Id));

        Assert.Equal(1, store.Count(Samples.Conversation));
        Assert.Equal(1, store.Count(other.Conversation));
        Assert.True(store.Contains(other.Conversation, elsewhere.Id));
    }

    [Fact]
    public void Appending_after_removing_the_last_event_continues_the_arrival_order()
    {
        IEventStore store = CreateStore();
        store.AppendMany(Samples.Conversation, Events[..3]);
        Assert.True(store.Remove(Samples.Conversation, Events[2].Id));
        store.Append(Samples.Conversation, Events[3]);
        store.Append(Samples.Conversation, Events[4]);
        Assert.Equal([Events[0].Id, Events[1].Id, Events[3].Id, Events[4].Id], store.All(Samples.Conversation).Value.Select(e => e.Id));
        Assert.Equal(Events[3].ToBytes(), store.Get(Samples.Conversation, Events[3].Id).Value!.ToBytes());
    }

    [Fact]
    public void A_log_rebuilt_from_what_is_left_after_removals_orders_like_the_log_that_forgot_them()
    {
        var removed = new HashSet<Kith.Primitives.Ids.EventId>();
        ConversationLog original = Samples.NewLog(isRefused: removed.Contains);
        IEventStore store = CreateStore();
        foreach (ConversationEvent e in Events)
        {
            Assert.True(original.Add(e, EventSamples.Epoch + 1_000).IsOk);
            store.Append(Samples.Conversation, e);
        }

        foreach (Kith.Primitives.Ids.EventId id in new[] { Events[3].Id, Events[7].Id })
        {
            removed.Add(id);
            original.Forget(id);
            Assert.True(store.Remove(Samples.Conversation, id));
        }

        ConversationLog rebuilt = Samples.NewLog(isRefused: removed.Contains);
        foreach (ConversationEvent e in store.All(Samples.Conversation).Value)
        {
            Assert.Equal(EventAddOutcome.Accepted, rebuilt.Add(e, EventSamples.Epoch + 1_000).Value.Outcome);
        }

        Assert.Equal(original.Order(), rebuilt.Order());
        Assert.Equal(original.Heads, rebuilt.Heads);
        Assert.Equal(0, rebuilt.PendingCount);
    }
}
