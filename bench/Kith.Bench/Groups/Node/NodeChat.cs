using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Kith.Api;
using Kith.Api.Messages;

namespace Kith.Bench.Groups.Node;

/// <summary>
/// Two running nodes that have added each other's cards, measured as a person's client sees them: a message is sent
/// with <c>POST /v1/messages</c> and counts as arrived when the sender's live stream reports it delivered (the
/// recipient's node committed it and its acknowledgement came back and was committed).
/// </summary>
internal sealed class NodeChat
{
    /// <summary>Bound on one message's delivery: far beyond any figure here, so reaching it is a failure.</summary>
    public static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(2);

    /// <summary>POSTs in flight during the throughput run: a client typing fast in several chats, not a flood.</summary>
    public const int InFlight = 16;

    /// <summary>How often the throughput run asks whether the outbox is empty: a few ms against runs of seconds.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly NodeProcess _from;
    private readonly string _to;
    private readonly DeliveryWatch _watch;
    private int _sent;

    private NodeChat(NodeProcess from, string to, DeliveryWatch watch)
    {
        _from = from;
        _to = to;
        _watch = watch;
    }

    /// <summary>Alice and Bob add each other; the chat is Alice's, to Bob.</summary>
    public static async Task<NodeChat> OpenAsync(NodeProcess alice, NodeProcess bob, DeliveryWatch watch, CancellationToken cancellationToken)
    {
        await alice.AddContactAsync(bob, cancellationToken);
        await bob.AddContactAsync(alice, cancellationToken);
        return new NodeChat(alice, await bob.AccountAsync(cancellationToken), watch);
    }

    /// <summary>
    /// Sends messages one after another, each after the previous was delivered: the milliseconds each took to be
    /// delivered, and the part of it its POST took (the sender's step and the answer), which says where time goes.
    /// </summary>
    public async Task<(double[] Delivered, double[] Posted)> LatenciesAsync(int count, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var posts = new double[count];
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            string id = await SendAsync(cancellationToken);
            posts[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            long delivered = await _watch.DeliveredAsync(id).WaitAsync(DeliveryTimeout, cancellationToken);
            latencies[i] = Stopwatch.GetElapsedTime(start, delivered).TotalMilliseconds;
        }

        return (latencies, posts);
    }

    /// <summary>
    /// Sends <paramref name="count"/> messages with <see cref="InFlight"/> POSTs at a time; messages per second until
    /// the sender's outbox is empty (<c>outboxPending</c> of <c>GET /v1/status</c>, polled every
    /// <see cref="PollInterval"/>): every copy acknowledged. Not the live stream: it drops the oldest events for a
    /// reader that falls behind, and a burst's events can outrun a reader on a loaded machine.
    /// </summary>
    public async Task<double> ThroughputAsync(int count, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(InFlight);
        long start = Stopwatch.GetTimestamp();
        var sends = new Task[count];
        for (int i = 0; i < count; i++)
        {
            await slots.WaitAsync(cancellationToken);
            sends[i] = Task.Run(async () =>
            {
                try
                {
                    _ = await SendAsync(cancellationToken);
                }
                finally
                {
                    slots.Release();
                }
            }, cancellationToken);
        }

        await Task.WhenAll(sends);
        var waited = Stopwatch.StartNew();
        while ((await _from.Http.GetFromJsonAsync(ApiRoutes.Status, ApiJson.Default.NodeStatus, cancellationToken))!.OutboxPending > 0)
        {
            if (waited.Elapsed > DeliveryTimeout)
            {
                throw new TimeoutException($"The outbox still held messages {DeliveryTimeout.TotalSeconds} s after the last send.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return count / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>
    /// One message; its event id. The node learns a new contact off the API's thread, so the first sends may find no
    /// conversation yet (404) and are retried within <see cref="DeliveryTimeout"/>.
    /// </summary>
    private async Task<string> SendAsync(CancellationToken cancellationToken)
    {
        string text = $"bench message {Interlocked.Increment(ref _sent)}: about the length of a chat line";
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using HttpResponseMessage response = await _from.Http.PostAsJsonAsync(ApiRoutes.Send, new SendRequest(_to, text),
                ApiJson.Default.SendRequest, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound && waited.Elapsed < DeliveryTimeout)
            {
                await Task.Delay(20, cancellationToken);
                continue;
            }

            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync(ApiJson.Default.MessageView, cancellationToken))!.EventId;
        }
    }
}
