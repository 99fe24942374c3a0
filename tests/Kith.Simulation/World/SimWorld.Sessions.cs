using Kith.Simulation.Network;

namespace Kith.Simulation.World;

/// <summary>
/// Sync sessions over the network, as a transport would run them: a session id per connection, a fresh
/// session on each side for each new connection, and stale messages of replaced connections dropped.
/// </summary>
internal sealed partial class SimWorld
{
    private void ConnectToAll(SimNode node)
    {
        foreach (SimNode peer in _nodes)
        {
            if (peer != node)
            {
                long session = ++_nextSession;
                node.Sessions[peer.Index] = session;
                Counters.SessionsStarted++;
                SendAll(node, peer, session, node.Replica.Connect(peer.Device));
            }
        }
    }

    private void Arrive(Envelope envelope)
    {
        SimNode to = _nodes[envelope.To];
        SimNode from = _nodes[envelope.From];
        if (!to.Up)
        {
            Counters.DeadLettered++;
            return;
        }

        long current = to.Sessions[from.Index];
        if (envelope.Session < current)
        {
            Counters.Stale++;
            return;
        }

        if (envelope.Session > current)
        {
            to.Sessions[from.Index] = envelope.Session;
            SendAll(to, from, envelope.Session, to.Replica.Connect(from.Device));
        }

        SendAll(to, from, envelope.Session, to.Replica.Deliver(from.Device, envelope.Bytes, LocalNow(to)));
    }

    private void SendAll(SimNode from, SimNode to, long session, IReadOnlyList<byte[]> messages)
    {
        foreach (byte[] message in messages)
        {
            _network.Send(from.Index, to.Index, session, message);
        }
    }
}
