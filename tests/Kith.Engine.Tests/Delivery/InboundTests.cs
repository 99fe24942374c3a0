using Kith.Engine.Delivery;
using Kith.Engine.Tests.Support;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Storage.Stores;
using Kith.Wire.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Engine.Tests.Delivery;

/// <summary>Issue 5: "a device acknowledges once it has committed the event ... Receiving is idempotent."</summary>
public sealed class InboundTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));
    private readonly TempDatabase _bobDatabase = new(seed: 2);
    private readonly LinkNetwork _network;
    private readonly Node _alice;
    private readonly Node _bob;

    public InboundTests()
    {
        _network = new LinkNetwork(_time);
        _alice = new Node(1, _network, _time);
        _bob = new Node(2, _network, _time, new SqliteStepRunner(_bobDatabase.Database));
        _network.Connect(_alice.Id, _bob.Id);
    }

    private int AcksFromBob(EventId item) => _network.Sent
        .Count(s => s.From == _bob.Id && LinkFrame.Decode(s.Frame).Value is AckFrame ack && ack.Ids.Contains(item));

    private void Run(TimeSpan total)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += TimeSpan.FromSeconds(1))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            _network.Pump();
        }
    }

    [Fact]
    public void A_handler_that_throws_keeps_nothing_sends_no_ack_and_the_resend_is_applied_once()
    {
        _bob.Handler.ThrowTimes = 1;
        EventId item = Node.Item(1);
        _alice.Send(item, _bob);
        _network.Pump();

        // The handler wrote before throwing; the SQLite step rolled it back, and nothing was acknowledged.
        Assert.Equal(0, RecordingHandler.TimesApplied(_bob, _alice.Id, item));
        Assert.Equal(0, AcksFromBob(item));
        Assert.Equal([EngineErrors.StepFailed.Code], _bob.Faults);
        Assert.Equal(1, _alice.Engine.PendingCount());

        Run(TimeSpan.FromSeconds(5));
        Assert.Equal(1, RecordingHandler.TimesApplied(_bob, _alice.Id, item));
        Assert.Equal(1, AcksFromBob(item));
        Assert.Equal(0, _alice.Engine.PendingCount());
    }

    [Fact]
    public void A_duplicated_item_is_applied_once_and_acknowledged_each_time()
    {
        EventId item = Node.Item(2);
        var frame = new DeliverFrame(item, 1, [7]).Encode();
        for (int i = 0; i < 3; i++)
        {
            _network.Links(_alice.Id).Send(_bob.Id, frame);
        }

        _network.Pump();
        Assert.Equal(1, RecordingHandler.TimesApplied(_bob, _alice.Id, item));
        Assert.Single(_bob.Handler.Calls);
        Assert.Equal(3, AcksFromBob(item));
    }

    [Fact]
    public void The_same_item_id_from_two_devices_is_two_items()
    {
        EventId item = Node.Item(3);
        var carol = new Node(3, _network, _time);
        _network.Connect(carol.Id, _bob.Id);
        _alice.Send(item, _bob);
        carol.Send(item, _bob);
        _network.Pump();
        Assert.Equal(1, RecordingHandler.TimesApplied(_bob, _alice.Id, item));
        Assert.Equal(1, RecordingHandler.TimesApplied(_bob, carol.Id, item));
    }

    [Fact]
    public void A_retryable_refusal_is_not_acknowledged_and_a_later_attempt_applies_it()
    {
        _bob.Handler.Refuse = new KithError("test.not_yet", ErrorScope.Session, true, "The session is not there yet.");
        EventId item = Node.Item(4);
        _alice.Send(item, _bob);
        Run(TimeSpan.FromSeconds(10));
        Assert.Equal(0, AcksFromBob(item));
        Assert.Equal(1, _alice.Engine.PendingCount());

        _bob.Handler.Refuse = null;
        Run(TimeSpan.FromSeconds(30));
        Assert.Equal(1, RecordingHandler.TimesApplied(_bob, _alice.Id, item));
        Assert.Equal(0, _alice.Engine.PendingCount());
    }

    [Fact]
    public void A_final_rejection_is_acknowledged_so_the_sender_stops_and_is_never_applied()
    {
        _bob.Handler.Refuse = KithError.Reject("test.bad", "The item is malformed.");
        EventId item = Node.Item(5);
        _alice.Send(item, _bob);
        _network.Pump();
        Assert.Equal(1, AcksFromBob(item));
        Assert.Equal(0, _alice.Engine.PendingCount());

        // Even if it arrives again once the application would accept it, it stays rejected: applying is once.
        _bob.Handler.Refuse = null;
        _network.Links(_alice.Id).Send(_bob.Id, new DeliverFrame(item, 1, [1]).Encode());
        _network.Pump();
        Assert.Equal(0, RecordingHandler.TimesApplied(_bob, _alice.Id, item));
    }

    [Fact]
    public void Garbage_frames_are_dropped_and_change_nothing()
    {
        _network.Links(_alice.Id).Send(_bob.Id, new byte[] { 9, 9, 9 });
        _network.Links(_alice.Id).Send(_bob.Id, new AckFrame([Node.Item(6)]).Encode());
        _network.Pump();
        Assert.Empty(_bob.Handler.Calls);
        Assert.Empty(_bob.Faults);
        Assert.Empty(_bob.Changes);
    }

    [Fact]
    public void Sync_frames_reach_the_sync_handler()
    {
        Assert.True(_alice.Engine.SendSync(_bob.Id, [1, 2, 3]));
        _network.Pump();
        var (from, message) = Assert.Single(_bob.Sync.Messages);
        Assert.Equal(_alice.Id, from);
        Assert.Equal([1, 2, 3], message);
    }

    public void Dispose()
    {
        _bob.Dispose();
        _bobDatabase.Dispose();
    }
}
