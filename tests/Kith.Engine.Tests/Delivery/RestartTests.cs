using Kith.Engine.Tests.Support;
using Kith.Protocol.Delivery;
using Kith.Storage.Stores;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Engine.Tests.Delivery;

/// <summary>Issue 5: unacknowledged events are resent "across restarts" (SQLite outbox in a temp folder).</summary>
public sealed class RestartTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));
    private readonly TempDatabase _aliceDatabase = new(seed: 11);
    private readonly LinkNetwork _network;
    private readonly Node _bob;

    public RestartTests()
    {
        _network = new LinkNetwork(_time);
        _bob = new Node(2, _network, _time);
    }

    private Node StartAlice() => new(1, _network, _time, new SqliteStepRunner(_aliceDatabase.Database));

    [Fact]
    public void Entries_survive_a_restart_and_resending_resumes_on_the_stored_schedule()
    {
        var items = Enumerable.Range(1, 3).Select(Node.Item).ToList();
        Node alice = StartAlice();
        items.ForEach(item => alice.Send(item, _bob));
        _time.Advance(TimeSpan.FromMinutes(3));
        var before = new SqliteOutboxStore(_aliceDatabase.Database).Find(items[0], _bob.Id).Value!;
        Assert.True(before.Attempts > 1);
        alice.Dispose();
        _aliceDatabase.Reopen();

        int sentBeforeRestart = _network.Sent.Count;
        _time.Advance(TimeSpan.FromMinutes(1));
        alice = StartAlice();
        var after = new SqliteOutboxStore(_aliceDatabase.Database).Find(items[0], _bob.Id).Value!;
        Assert.Equal(3, alice.Engine.PendingCount());
        Assert.True(after.Attempts >= before.Attempts);

        // The restarted engine keeps resending on its own timer, without any new step from the application.
        _time.Advance(TimeSpan.FromMinutes(20));
        Assert.True(_network.Sent.Count > sentBeforeRestart);

        _network.Connect(alice.Id, _bob.Id);
        _network.Pump();
        Assert.Equal(0, alice.Engine.PendingCount());
        Assert.All(items, item => Assert.Equal(1, RecordingHandler.TimesApplied(_bob, alice.Id, item)));
        alice.Dispose();

        _aliceDatabase.Reopen();
        alice = StartAlice();
        Assert.All(items, item => Assert.Equal(new DeliveryState(1, 1, 0), alice.StateOf(item)));
        alice.Dispose();
    }

    [Fact]
    public void A_receiver_restarted_after_committing_acknowledges_a_resend_without_applying_it_again()
    {
        using var bobDatabase = new TempDatabase(seed: 12);
        var bob = new Node(3, _network, _time, new SqliteStepRunner(bobDatabase.Database));
        Node alice = StartAlice();
        _network.Connect(alice.Id, bob.Id);
        var item = Node.Item(9);

        // Bob commits the item but his ack is lost: Alice still has it pending.
        _network.Blocked = (from, _) => from == bob.Id;
        alice.Send(item, bob);
        _network.Pump();
        Assert.Equal(1, RecordingHandler.TimesApplied(bob, alice.Id, item));
        Assert.Equal(1, alice.Engine.PendingCount());
        _network.Disconnect(alice.Id, bob.Id);
        _network.Blocked = null;

        bob.Dispose();
        bobDatabase.Reopen();
        bob = new Node(3, _network, _time, new SqliteStepRunner(bobDatabase.Database));
        _network.Connect(alice.Id, bob.Id);
        _network.Pump();
        Assert.Empty(bob.Handler.Calls);
        Assert.Equal(1, RecordingHandler.TimesApplied(bob, alice.Id, item));
        Assert.Equal(0, alice.Engine.PendingCount());
        bob.Dispose();
        alice.Dispose();
    }

    public void Dispose()
    {
        _bob.Dispose();
        _aliceDatabase.Dispose();
    }
}
