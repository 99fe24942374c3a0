using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Kith.Protocol.Storage;

namespace Kith.Protocol.Tests.Delivery;

public sealed class InboxTests
{
    private static DeviceId Device(byte fill) => DeviceId.FromBytes(Enumerable.Repeat(fill, Id32.Size).ToArray());

    private static EventId Item(byte fill) => EventId.FromBytes(Enumerable.Repeat(fill, Id32.Size).ToArray());

    [Fact]
    public void An_item_is_known_once_recorded_per_sending_device()
    {
        var state = new InMemoryStateStore();
        var inbox = new Inbox(state);
        Assert.False(inbox.Contains(Device(1), Item(1)).Value);
        inbox.Record(Device(1), Item(1));
        inbox.Record(Device(1), Item(1));
        Assert.True(inbox.Contains(Device(1), Item(1)).Value);
        Assert.False(inbox.Contains(Device(2), Item(1)).Value);
        Assert.False(inbox.Contains(Device(1), Item(2)).Value);
        Assert.Equal(1, state.Count);
        Assert.True(new Inbox(state).Contains(Device(1), Item(1)).Value);
    }
}
