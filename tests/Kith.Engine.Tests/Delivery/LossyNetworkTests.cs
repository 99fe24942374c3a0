using Kith.Engine.Tests.Support;
using Kith.Primitives.Ids;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Engine.Tests.Delivery;

/// <summary>
/// Engines connected through links that drop, duplicate and flap deliver everything eventually, and every item
/// is applied exactly once at every recipient (issue 5: "delivery that never gives up"; "Receiving is idempotent").
/// </summary>
public sealed class LossyNetworkTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void Everything_sent_over_a_lossy_flapping_network_is_applied_exactly_once_everywhere(ulong seed)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));
        var network = new LinkNetwork(time, seed) { DropRate = 0.3, DuplicateRate = 0.2 };
        Node[] nodes = [.. Enumerable.Range(1, 4).Select(i => new Node((byte)i, network, time))];
        var chance = new Random(unchecked((int)seed));
        var sent = new List<(Node From, EventId Item, Node[] To)>();

        for (int round = 0; round < 400; round++)
        {
            Node a = nodes[chance.Next(nodes.Length)], b = nodes[chance.Next(nodes.Length)];
            if (a != b)
            {
                if (network.IsConnected(a.Id, b.Id) && chance.NextDouble() < 0.3)
                {
                    network.Disconnect(a.Id, b.Id);
                }
                else
                {
                    network.Connect(a.Id, b.Id);
                }
            }

            if (round < 200 && chance.NextDouble() < 0.5)
            {
                Node from = nodes[chance.Next(nodes.Length)];
                Node[] to = [.. nodes.Where(n => n != from && chance.NextDouble() < 0.7)];
                if (to.Length > 0)
                {
                    var item = Node.Item(sent.Count + 1);
                    from.Send(item, to);
                    sent.Add((from, item, to));
                }
            }

            time.Advance(TimeSpan.FromMilliseconds(chance.Next(100, 5_000)));
            network.Pump();
        }

        // Heal the network: every pair connected, nothing lost; within one capped backoff everything is through.
        network.DropRate = 0;
        foreach (Node a in nodes)
        {
            foreach (Node b in nodes.Where(n => n.Id > a.Id))
            {
                network.Connect(a.Id, b.Id);
            }
        }

        for (int minute = 0; minute < 15; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            network.Pump();
        }

        Assert.NotEmpty(sent);
        foreach (var (from, item, to) in sent)
        {
            Assert.All(to, node => Assert.Equal(1, RecordingHandler.TimesApplied(node, from.Id, item)));
            Assert.True(from.StateOf(item).IsComplete);
        }

        Assert.All(nodes, node => Assert.Equal(0, node.Engine.PendingCount()));
        Assert.Equal(sent.Sum(s => s.To.Length), nodes.Sum(n => n.Handler.Calls.Count));
    }
}
