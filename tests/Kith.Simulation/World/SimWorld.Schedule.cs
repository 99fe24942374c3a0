using Kith.Wire.Conversations;

namespace Kith.Simulation.World;

/// <summary>What happens during the faulty phase, all drawn from the run's seed before the run starts.</summary>
internal sealed partial class SimWorld
{
    private void ScheduleSends()
    {
        for (int i = 0; i < _options.Messages; i++)
        {
            int message = i;
            int author = _random.Next(_nodes.Count);
            _clock.At(_random.NextInt64(_options.FaultyPhaseMs), () => SendFrom(author, message));
        }
    }

    /// <summary>The chosen author writes if it is up; otherwise the next device that is up does.</summary>
    private void SendFrom(int chosen, int message)
    {
        for (int k = 0; k < _nodes.Count; k++)
        {
            SimNode node = _nodes[(chosen + k) % _nodes.Count];
            if (node.Up)
            {
                string text = $"message {message} from device {node.Index}";
                ConversationEvent written = node.Replica.Send(text, LocalNow(node));
                bool rejected = !_directory.IsMember(written.Conversation, written.Author, written.TimestampUnixMs);
                _sent.Add(written.Id, new SentEvent(written.Id, node.Index, text, rejected));
                Counters.EventsRejected += rejected ? 1 : 0;
                Counters.EventsSent++;

                // Sending offers the new event at once: a new session announces the new head to every peer.
                ConnectToAll(node);
                return;
            }
        }

        Counters.SendsSkipped++;
    }

    /// <summary>
    /// With <see cref="SimOptions.RevokeFirstDeviceMidRun"/>: device 0 also writes <see cref="RevokedDeviceWrites"/>
    /// messages after its revocation, stamped later than it by more than any clock skew, so every run has events the
    /// others must reject (random authorship alone left some seeds without one, and such a run proves nothing).
    /// </summary>
    private void ScheduleRevokedWrites()
    {
        if (!_options.RevokeFirstDeviceMidRun)
        {
            return;
        }

        long from = checked((_options.FaultyPhaseMs / 2) + _options.MaxClockSkewMs + 1);
        for (int i = 0; i < RevokedDeviceWrites; i++)
        {
            int message = checked(_options.Messages + i);
            _clock.At(_random.NextInt64(from, _options.FaultyPhaseMs), () => SendFromRevoked(message));
        }
    }

    /// <summary>Device 0 writes if it is up; while it is down, it tries again a little later within the faulty phase.</summary>
    private void SendFromRevoked(int message)
    {
        if (_nodes[0].Up)
        {
            SendFrom(0, message);
        }
        else if (_clock.NowMs + RevokedWriteRetryMs < _options.FaultyPhaseMs)
        {
            _clock.At(_clock.NowMs + RevokedWriteRetryMs, () => SendFromRevoked(message));
        }
    }

    /// <summary>Crashes at exponentially distributed intervals per device, each followed by a random downtime.</summary>
    private void ScheduleCrashes()
    {
        foreach (SimNode node in _nodes)
        {
            double t = 0;
            while (true)
            {
                t += -_options.MeanCrashIntervalMs * Math.Log(1 - _random.NextDouble());
                if (t >= _options.FaultyPhaseMs)
                {
                    break;
                }

                long downtime = _random.NextInt64(_options.MinDowntimeMs, _options.MaxDowntimeMs + 1);
                _clock.At((long)t, () => Crash(node, downtime));
            }
        }
    }

    private void Crash(SimNode node, long downtimeMs)
    {
        if (!node.Up || _network.Healed)
        {
            return;
        }

        node.Up = false;
        node.Replica.Crash();
        Array.Clear(node.Sessions);
        Counters.Crashes++;
        _clock.After(downtimeMs, () =>
        {
            if (Invariants.TryRestart(node, out string? failure))
            {
                node.Up = true;
                ConnectToAll(node);
            }
            else
            {
                _runViolations.Add(failure!);
            }
        });
    }

    /// <summary>Partitions that come and go: a random split of the devices, cut off from each other for a while.</summary>
    private void SchedulePartitions()
    {
        if (_options.IsolateLastDevice)
        {
            bool[] alone = new bool[_nodes.Count];
            alone[^1] = true;
            _clock.At(0, () => _network.Partition(alone, _options.FaultyPhaseMs));
        }

        long t = _random.NextInt64(_options.MinPartitionGapMs, _options.MaxPartitionGapMs + 1);
        while (t < _options.FaultyPhaseMs)
        {
            bool[] side = [.. _nodes.Select(_ => _random.Next(2) == 1)];
            side[0] = true;
            side[_random.Next(1, _nodes.Count)] = false;
            long duration = _random.NextInt64(_options.MinPartitionMs, _options.MaxPartitionMs + 1);
            _clock.At(t, () => _network.Partition(side, duration));
            t += _random.NextInt64(_options.MinPartitionGapMs, _options.MaxPartitionGapMs + 1);
        }
    }

    /// <summary>The transport's timeout: each device restarts its sessions with every peer periodically, faults or not.</summary>
    private void ScheduleSyncTimers()
    {
        foreach (SimNode node in _nodes)
        {
            _clock.At(_random.NextInt64(_options.SyncIntervalMs), () => SyncTick(node));
        }
    }

    private void SyncTick(SimNode node)
    {
        if (node.Up)
        {
            ConnectToAll(node);
        }

        _clock.After(_options.SyncIntervalMs + _random.NextInt64(_options.SyncIntervalMs / 2), () => SyncTick(node));
    }
}
