using Kith.Api.Contacts;
using Kith.Api.Events;
using Kith.Node.LocalApi;
using Kith.Primitives;

namespace Kith.Node.Tests.LocalApi;

public sealed class EventHubTests
{
    private static readonly ContactView Contact = new("00", "Bob", TrustLevel.Unvalidated, null, 1, 0);

    [Fact]
    public async Task A_reader_that_falls_behind_keeps_the_newest_events_and_sees_the_gap()
    {
        var hub = new EventHub();
        using EventReader reader = hub.Subscribe()!;
        for (int i = 0; i < Limits.ApiEventQueueLength + 44; i++)
        {
            hub.Publish(sequence => new ContactChanged(sequence, Contact));
        }

        hub.Publish(sequence => new ContactChanged(sequence, Contact));
        using var cancel = new CancellationTokenSource();
        var seen = new List<long>();
        await foreach (NodeEvent item in reader.ReadAllAsync(cancel.Token))
        {
            seen.Add(item.Sequence);
            if (seen.Count == Limits.ApiEventQueueLength)
            {
                break;
            }
        }

        Assert.Equal(Limits.ApiEventQueueLength + 45, seen[^1]);
        Assert.Equal(46, seen[0]);
    }

    [Fact]
    public void Streams_beyond_the_limit_are_refused_until_one_closes()
    {
        var hub = new EventHub();
        List<EventReader> open = [.. Enumerable.Range(0, Limits.ApiMaxEventStreams).Select(_ => hub.Subscribe()!)];

        Assert.Null(hub.Subscribe());
        open[0].Dispose();
        using EventReader? again = hub.Subscribe();
        Assert.NotNull(again);

        foreach (EventReader reader in open.Skip(1))
        {
            reader.Dispose();
        }
    }
}
