using Kith.Simulation.World;

namespace Kith.Simulation.Network;

/// <summary>
/// A full mesh of directed links between the run's devices over the virtual clock. Until <see cref="Heal"/>,
/// each message may be dropped, duplicated or held back, and partitions cut every link between their two
/// sides, both for messages being sent and for messages already in flight. After healing, links only delay.
/// </summary>
internal sealed class FaultyNetwork(VirtualClock clock, Random random, FaultProfile faults, SimCounters counters)
{
    private readonly List<(int Id, bool[] Side)> _partitions = [];
    private readonly Dictionary<(int, int), long> _sent = [];
    private readonly Dictionary<(int, int), long> _highestDelivered = [];
    private int _nextPartition;

    /// <summary>Where arriving messages go; the world checks whether the device is up.</summary>
    public Action<Envelope>? Arrive { get; set; }

    /// <summary>Whether faults have stopped.</summary>
    public bool Healed { get; private set; }

    /// <summary>Whether a message from <paramref name="a"/> to <paramref name="b"/> can get through now.</summary>
    public bool Connected(int a, int b) => _partitions.TrueForAll(p => p.Side[a] == p.Side[b]);

    /// <summary>Cuts every link between the devices marked in <paramref name="side"/> and the rest for <paramref name="durationMs"/>.</summary>
    public void Partition(bool[] side, long durationMs)
    {
        if (Healed)
        {
            return;
        }

        int id = _nextPartition++;
        _partitions.Add((id, side));
        counters.Partitions++;
        clock.After(durationMs, () => _partitions.RemoveAll(p => p.Id == id));
    }

    /// <summary>Stops all faults: partitions end and no message is dropped, duplicated or held back any more.</summary>
    public void Heal()
    {
        Healed = true;
        _partitions.Clear();
    }

    /// <summary>Puts one message on the link from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void Send(int from, int to, long session, byte[] bytes)
    {
        counters.MessagesSent++;
        long sequence = _sent[(from, to)] = _sent.GetValueOrDefault((from, to)) + 1;
        var envelope = new Envelope(from, to, session, bytes, sequence);
        if (!Connected(from, to))
        {
            counters.PartitionDropped++;
            return;
        }

        if (!Healed && random.Next(100) < faults.DropPercent)
        {
            counters.Dropped++;
            return;
        }

        Schedule(envelope);
        if (!Healed && random.Next(100) < faults.DuplicatePercent)
        {
            counters.Duplicated++;
            Schedule(envelope);
        }
    }

    private void Schedule(Envelope envelope)
    {
        long delay = random.Next(faults.MinLatencyMs, faults.MaxLatencyMs + 1);
        if (!Healed && random.Next(100) < faults.HoldBackPercent)
        {
            delay += random.Next(faults.MaxHoldBackMs);
        }

        clock.After(delay, () => Deliver(envelope));
    }

    private void Deliver(Envelope envelope)
    {
        if (!Connected(envelope.From, envelope.To))
        {
            counters.PartitionDropped++;
            return;
        }

        (int, int) link = (envelope.From, envelope.To);
        long highest = _highestDelivered.GetValueOrDefault(link);
        if (envelope.LinkSequence < highest)
        {
            counters.Reordered++;
        }
        else
        {
            _highestDelivered[link] = envelope.LinkSequence;
        }

        counters.Delivered++;
        Arrive?.Invoke(envelope);
    }
}
