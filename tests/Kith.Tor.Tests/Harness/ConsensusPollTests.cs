using System.Net;
using Kith.Testing.Tor;

namespace Kith.Tor.Tests.Harness;

/// <summary>The private network's consensus poll retries every failed request; only the caller's token ends it.</summary>
public sealed class ConsensusPollTests
{
    private const string TwoRelays = "network-status-version 3 microdesc\nr relay0 x\nm y\nr relay1 x\nm y\n";

    [Fact]
    public async Task An_HttpClient_timeout_is_polled_again_not_a_failed_start()
    {
        // HttpClient reports its own Timeout as TaskCanceledException (inner TimeoutException) while the caller's
        // token is still live: seen at load ~33, where it failed the whole network's start.
        var authority = new ScriptedAuthority(
            () => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException()),
            () => throw new HttpRequestException("connection refused"),
            () => new HttpResponseMessage(HttpStatusCode.NotFound),
            () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(TwoRelays) });
        using var http = new HttpClient(authority);

        await ConsensusPoll.WaitAsync(http, ConsensusPoll.Url(7000), relays: 2, TimeSpan.Zero, () => { },
            TestContext.Current.CancellationToken);

        Assert.Equal(4, authority.Requests);
    }

    [Fact]
    public async Task A_consensus_short_of_relays_is_polled_until_the_callers_token_ends_the_wait()
    {
        var authority = new ScriptedAuthority(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("r auth0 x\n") });
        using var http = new HttpClient(authority);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        authority.AfterRequest = n =>
        {
            if (n == 3)
            {
                stop.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ConsensusPoll.WaitAsync(http, ConsensusPoll.Url(7000), relays: 2, TimeSpan.Zero, () => { }, stop.Token));
        Assert.Equal(3, authority.Requests);
    }

    [Fact]
    public async Task A_dead_tor_ends_the_wait_at_once()
    {
        var authority = new ScriptedAuthority(() => new HttpResponseMessage(HttpStatusCode.NotFound));
        using var http = new HttpClient(authority);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ConsensusPoll.WaitAsync(http,
            ConsensusPoll.Url(7000), relays: 2, TimeSpan.Zero, () => throw new InvalidOperationException("auth1 exited"),
            TestContext.Current.CancellationToken));
        Assert.Equal("auth1 exited", failure.Message);
        Assert.Equal(0, authority.Requests);
    }

    /// <summary>Answers each request with the next scripted reply; the last one repeats.</summary>
    private sealed class ScriptedAuthority(params Func<HttpResponseMessage>[] replies) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        public Action<int>? AfterRequest { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var reply = replies[Math.Min(Requests, replies.Length - 1)];
            Requests++;
            try
            {
                return Task.FromResult(reply());
            }
            finally
            {
                AfterRequest?.Invoke(Requests);
            }
        }
    }
}
