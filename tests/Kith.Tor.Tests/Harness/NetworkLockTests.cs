using Kith.Testing.Tor;

namespace Kith.Tor.Tests.Harness;

/// <summary>At most one private Tor network on the machine: a second start waits until the first has stopped.</summary>
public sealed class NetworkLockTests
{
    [Fact]
    public async Task A_second_holder_waits_until_the_first_lets_go()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Path.GetTempPath(), $"kith-network-lock-test-{Guid.NewGuid():N}");
        try
        {
            var waiting = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var first = await NetworkLock.AcquireAsync(path, null, ct);
            var second = NetworkLock.AcquireAsync(path, message => waiting.TrySetResult(message), ct);

            // Without the lock the second acquire would complete at once instead of reporting that it waits.
            await Task.WhenAny(waiting.Task, second).WaitAsync(ct);
            Assert.False(second.IsCompleted);
            Assert.Contains("another private Tor network", await waiting.Task);
            first.Dispose();
            (await second).Dispose();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
