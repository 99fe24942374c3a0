using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Storage.Tests.Support;

namespace Kith.Storage.Tests.Conformance;

/// <summary>What every <see cref="IMessageStore"/> must do, run against each implementation.</summary>
public abstract class MessageStoreConformance : OwnedResources
{
    /// <summary>A new empty store.</summary>
    protected abstract IMessageStore CreateStore();

    private readonly MessageSamples _samples = new(seed: 300);

    private ConversationId Conversation => _samples.Conversation;

    [Fact]
    public void An_empty_store_has_no_messages()
    {
        IMessageStore store = CreateStore();
        ShownMessage absent = _samples.Message(0);
        Assert.Equal(0, store.Count(Conversation));
        Assert.Empty(store.Latest(Conversation, 50).Value);
        Assert.Null(store.Get(Conversation, absent.Id).Value);
        Assert.False(store.Remove(Conversation, absent.Id));
        Assert.Equal(0, store.RemoveAll(Conversation));
    }

    [Fact]
    public void Put_messages_read_back_whole()
    {
        IMessageStore store = CreateStore();
        List<ShownMessage> messages = _samples.Messages(5);
        messages.ForEach(m => store.Put(Conversation, m));
        Assert.Equal(5, store.Count(Conversation));
        foreach (ShownMessage m in messages)
        {
            MessageSamples.AssertSame(m, store.Get(Conversation, m.Id).Value);
        }
    }

    [Fact]
    public void Latest_returns_the_last_messages_before_a_position_in_ascending_order()
    {
        IMessageStore store = CreateStore();
        List<ShownMessage> messages = _samples.Messages(30);
        // Put order is not display order.
        foreach (ShownMessage m in messages.AsEnumerable().Reverse())
        {
            store.Put(Conversation, m);
        }

        IReadOnlyList<ShownMessage> latest = store.Latest(Conversation, 10).Value;
        Assert.Equal(messages[20..].Select(m => m.Id), latest.Select(m => m.Id));
        MessageSamples.AssertSame(messages[29], latest[^1]);
        Assert.Equal(messages[10..20].Select(m => m.Id), store.Latest(Conversation, 10, beforePosition: 20).Value.Select(m => m.Id));
        Assert.Equal(messages[..3].Select(m => m.Id), store.Latest(Conversation, 10, beforePosition: 3).Value.Select(m => m.Id));
        Assert.Equal(messages.Select(m => m.Id), store.Latest(Conversation, 100).Value.Select(m => m.Id));
        Assert.Empty(store.Latest(Conversation, 0).Value);
        Assert.Empty(store.Latest(Conversation, 10, beforePosition: 0).Value);
    }

    [Fact]
    public void Put_with_a_stored_event_id_replaces_the_message()
    {
        IMessageStore store = CreateStore();
        ShownMessage first = _samples.Message(3, "first");
        store.Put(Conversation, first);
        ShownMessage replaced = first with { Position = 7, Content = "edited"u8.ToArray() };
        store.Put(Conversation, replaced);
        Assert.Equal(1, store.Count(Conversation));
        MessageSamples.AssertSame(replaced, store.Get(Conversation, first.Id).Value);
        MessageSamples.AssertSame(replaced, Assert.Single(store.Latest(Conversation, 10).Value));
    }

    [Fact]
    public void Reposition_moves_stored_messages_and_ignores_unknown_ids()
    {
        IMessageStore store = CreateStore();
        List<ShownMessage> messages = _samples.Messages(4);
        messages.ForEach(m => store.Put(Conversation, m));
        // A late event sorts in at position 1: the messages from 1 on move one place up.
        ShownMessage late = _samples.Message(1, "late");
        store.Reposition(Conversation, [(messages[3].Id, 4), (messages[2].Id, 3), (messages[1].Id, 2), (late.Id, 99)]);
        store.Put(Conversation, late);
        Assert.Equal([messages[0].Id, late.Id, messages[1].Id, messages[2].Id, messages[3].Id],
            store.Latest(Conversation, 10).Value.Select(m => m.Id));
        Assert.Equal([0L, 1, 2, 3, 4], store.Latest(Conversation, 10).Value.Select(m => m.Position));
        Assert.Equal(2, store.Get(Conversation, messages[1].Id).Value!.Position);
        Assert.Equal(5, store.Count(Conversation));
    }

    [Fact]
    public void Remove_and_RemoveAll_delete_content()
    {
        IMessageStore store = CreateStore();
        List<ShownMessage> messages = _samples.Messages(6);
        messages.ForEach(m => store.Put(Conversation, m));
        Assert.True(store.Remove(Conversation, messages[5].Id));
        Assert.False(store.Remove(Conversation, messages[5].Id));
        Assert.Null(store.Get(Conversation, messages[5].Id).Value);
        Assert.Equal(messages[4].Id, store.Latest(Conversation, 1).Value.Single().Id);
        Assert.Equal(5, store.RemoveAll(Conversation));
        Assert.Equal(0, store.Count(Conversation));
        Assert.Empty(store.Latest(Conversation, 10).Value);
    }

    [Fact]
    public void Conversations_are_kept_apart()
    {
        IMessageStore store = CreateStore();
        ConversationId other = _samples.NewConversation();
        ShownMessage here = _samples.Message(0, "here");
        ShownMessage there = _samples.Message(0, "there");
        store.Put(Conversation, here);
        store.Put(other, there);
        Assert.Null(store.Get(Conversation, there.Id).Value);
        Assert.Null(store.Get(other, here.Id).Value);
        Assert.False(store.Remove(Conversation, there.Id));
        store.Reposition(Conversation, [(there.Id, 5)]);
        Assert.Equal(0, store.Get(other, there.Id).Value!.Position);
        Assert.Equal(here.Id, Assert.Single(store.Latest(Conversation, 10).Value).Id);
        Assert.Equal(1, store.RemoveAll(Conversation));
        Assert.Equal(1, store.Count(other));
        MessageSamples.AssertSame(there, store.Get(other, there.Id).Value);
    }

    [Fact]
    public void The_store_copies_what_it_is_given_and_what_it_returns()
    {
        IMessageStore store = CreateStore();
        byte[] content = "original"u8.ToArray();
        ShownMessage message = _samples.Message(0) with { Content = content };
        store.Put(Conversation, message);
        content[0] = (byte)'X';
        ShownMessage read = store.Get(Conversation, message.Id).Value!;
        Assert.Equal("original"u8.ToArray(), read.Content.ToArray());
        // Content is a ReadOnlyMemory: writing through the array it came from must not reach the store either.
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(read.Content, out ArraySegment<byte> returned));
        returned.Array![0] = (byte)'Y';
        Assert.Equal("original"u8.ToArray(), store.Get(Conversation, message.Id).Value!.Content.ToArray());
        Assert.Equal("original"u8.ToArray(), store.Latest(Conversation, 1).Value.Single().Content.ToArray());
    }

    [Fact]
    public void Empty_and_largest_allowed_content_round_trip()
    {
        IMessageStore store = CreateStore();
        ShownMessage empty = _samples.Message(0) with { Content = ReadOnlyMemory<byte>.Empty };
        ShownMessage largest = _samples.Message(1) with { Content = new byte[Limits.MaxShownMessageContent] };
        store.Put(Conversation, empty);
        store.Put(Conversation, largest);
        MessageSamples.AssertSame(empty, store.Get(Conversation, empty.Id).Value);
        MessageSamples.AssertSame(largest, store.Get(Conversation, largest.Id).Value);
    }

    [Fact]
    public void Caller_bugs_throw_and_change_nothing()
    {
        IMessageStore store = CreateStore();
        ShownMessage kept = _samples.Message(0);
        store.Put(Conversation, kept);
        Assert.Throws<ArgumentNullException>(() => store.Put(Conversation, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Put(Conversation, _samples.Message(-1)));
        Assert.Throws<ArgumentException>(() => store.Put(Conversation, _samples.Message(1) with { Content = new byte[Limits.MaxShownMessageContent + 1] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Reposition(Conversation, [(kept.Id, 5), (kept.Id, -1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Latest(Conversation, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Latest(Conversation, Limits.MaxMessagesPerPage + 1));
        Assert.Equal(1, store.Count(Conversation));
        MessageSamples.AssertSame(kept, store.Get(Conversation, kept.Id).Value);
    }
}
