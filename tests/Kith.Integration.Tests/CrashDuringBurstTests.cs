using System.Collections.Concurrent;
using Kith.Integration.Tests.Support;

namespace Kith.Integration.Tests;

/// <summary>
/// Issue 5, end-to-end test 3: Alice's node is killed (SIGKILL) while 50 <c>POST /v1/messages</c> are in flight, then
/// restarted. Once delivery settles, Bob shows every message Alice's client saw acknowledged exactly once, no message
/// twice, and Alice's outbox drains: a send answered to the client was committed, and the outbox resends after a
/// crash without duplicating.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class CrashDuringBurstTests(IntegrationNetwork network)
{
    private const int Burst = 50;
    private const int KillAfterAcknowledged = 10;

    [Fact]
    public async Task A_node_killed_mid_burst_delivers_every_acknowledged_message_exactly_once_after_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var alice = await People.OnlineAsync(network, "burstAlice", "Alice", ct);
        await using var bob = await People.OnlineAsync(network, "burstBob", "Bob", ct);
        await People.ExchangeCardsAsync(alice, bob);
        // One message first, so the link and sessions exist and the burst meets a node in its normal state.
        await alice.Api.SendAsync("Bob", "before the burst", ct);
        await People.UntilShownAsync(bob, "Alice", ["before the burst"], ct);

        var attempted = Enumerable.Range(0, Burst).Select(i => $"burst {i:D2}").ToArray();
        var acknowledged = new ConcurrentBag<string>();
        var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var api = alice.Api;
        var sends = attempted.Select(text => Task.Run(async () =>
        {
            try
            {
                await api.SendAsync("Bob", text, ct);
                acknowledged.Add(text);
                if (acknowledged.Count >= KillAfterAcknowledged)
                {
                    killNow.TrySetResult();
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                // In flight when the node died: the client never heard it was accepted, so it may arrive or not.
            }
        }, ct)).ToArray();
        await Task.WhenAny(killNow.Task, Task.WhenAll(sends));
        await alice.KillAsync();
        await Task.WhenAll(sends);
        TestContext.Current.SendDiagnosticMessage($"{acknowledged.Count} of {Burst} sends acknowledged before SIGKILL");

        await alice.StartAsync();
        var expected = acknowledged.ToArray();
        await People.UntilShownAsync(bob, "Alice", expected, ct);
        await Eventually.UntilAsync("Alice's outbox drains", async token => (await alice.Api.StatusAsync(token)).OutboxPending, pending => pending == 0, ct);

        var atBob = await People.TextsAsync(bob, "Alice", ct);
        Assert.Empty(atBob.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(expected, text => Assert.Single(atBob, text));
        Assert.All(atBob, text => Assert.Contains(text, attempted.Append("before the burst")));
        var atAlice = await People.TextsAsync(alice, "Bob", ct);
        Assert.Empty(atAlice.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(expected, text => Assert.Contains(text, atAlice));
    }
}
