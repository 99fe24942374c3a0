using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Kith.Api;
using Kith.Api.Events;
using Kith.Api.Messages;

namespace Kith.Bench.Groups.Node;

/// <summary>
/// Follows a node's live stream (<see cref="ApiRoutes.Events"/>) and notes when each sent message is first reported
/// delivered: what <c>kith chat</c> shows a person. A message can be delivered before its POST returns, so both sides
/// meet in one completion per message id, whoever comes first.
/// </summary>
internal sealed class DeliveryWatch : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _delivered = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Stream _stream;
    private readonly Task _following;

    private DeliveryWatch(Stream stream)
    {
        _stream = stream;
        _following = FollowAsync(_stop.Token);
    }

    /// <summary>Opens <paramref name="node"/>'s stream; messages sent after this returns are seen.</summary>
    public static async Task<DeliveryWatch> OpenAsync(NodeProcess node, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await node.Http.GetAsync(ApiRoutes.Events, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return new DeliveryWatch(await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which <paramref name="eventId"/> was first reported delivered.</summary>
    public Task<long> DeliveredAsync(string eventId) => Completion(eventId).Task;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _stream.DisposeAsync();
        await _following.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private TaskCompletionSource<long> Completion(string eventId) =>
        _delivered.GetOrAdd(eventId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        SseParser<NodeEvent?> parser = SseParser.Create(_stream, (_, data) => JsonSerializer.Deserialize(data, ApiJson.Default.NodeEvent));
        await foreach (SseItem<NodeEvent?> item in parser.EnumerateAsync(cancellationToken))
        {
            if (item.Data is DeliveryChanged { Delivery.Stage: DeliveryStage.Delivered or DeliveryStage.Seen } changed)
            {
                _ = Completion(changed.EventId).TrySetResult(Stopwatch.GetTimestamp());
            }
        }
    }
}
