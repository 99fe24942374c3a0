using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Simulation.Network;
using Kith.Simulation.Replicas;

namespace Kith.Simulation.World;

/// <summary>
/// One deterministic run (issue 4, "Tests: Simulation"): several accounts' devices, each a replica of one
/// conversation with its own SQLite store, over a faulty network on virtual time. One seed drives every
/// choice: keys, who sends when, every drop, duplicate, delay, partition and crash. After the faulty phase the
/// network heals and crashes stop; the run then has a bounded virtual time to converge, and the invariants
/// are checked either way.
/// </summary>
internal sealed partial class SimWorld : IDisposable
{
    /// <summary>Virtual time 0 in Unix milliseconds.</summary>
    public const long Epoch = 1_700_000_000_000;

    /// <summary>Messages the revoked device writes after its revocation (<see cref="ScheduleRevokedWrites"/>).</summary>
    private const int RevokedDeviceWrites = 3;

    /// <summary>How long a revoked device that is down waits before trying its write again (virtual ms).</summary>
    private const long RevokedWriteRetryMs = 500;

    private readonly SimOptions _options;
    private readonly Random _random;
    private readonly VirtualClock _clock = new();
    private readonly FaultyNetwork _network;
    private readonly SimDirectory _directory;
    private readonly List<SimNode> _nodes = [];
    private readonly Dictionary<EventId, SentEvent> _sent = [];
    private readonly List<string> _runViolations = [];
    private readonly string _root;
    private long _nextSession;
    private bool _converged;

    public SimWorld(long seed, SimOptions options, Func<ReplicaSetup, ISimReplica> createReplica)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createReplica);
        _options = options;
        _random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        Counters = new SimCounters { Seed = seed };
        _network = new FaultyNetwork(_clock, _random, options.Faults, Counters) { Arrive = Arrive };
        var keys = new SeededRandomSource(unchecked((ulong)seed));
        _directory = new SimDirectory(ConversationId.FromBytes(RandomBytes(keys)));
        _root = Path.Combine(TempRoot(), $"{seed}-{Guid.NewGuid():N}");

        var accounts = new List<int>();
        for (int account = 0; account < options.Accounts; account++)
        {
            int devices = _random.Next(options.MinDevicesPerAccount, options.MaxDevicesPerAccount + 1);
            accounts.AddRange(Enumerable.Repeat(account, devices));
        }

        DeviceId[] ids = [.. accounts.Select(_ => DeviceId.FromBytes(RandomBytes(keys)))];
        if (options.RevokeFirstDeviceMidRun)
        {
            _directory.Revoke(ids[0], checked(Epoch + (options.FaultyPhaseMs / 2)));
        }

        for (int i = 0; i < ids.Length; i++)
        {
            var setup = new ReplicaSetup(i, ids[i], Path.Combine(_root, $"device-{i}"), _directory,
                unchecked(((ulong)seed << 8) + (ulong)i), Epoch, ids, options.MaxPendingEvents);
            long skew = _random.NextInt64(-options.MaxClockSkewMs, options.MaxClockSkewMs + 1);
            _nodes.Add(new SimNode(i, accounts[i], createReplica(setup), skew, ids.Length));
        }

        Counters.Devices = _nodes.Count;
    }

    public SimCounters Counters { get; }

    /// <summary>Runs the faulty phase, heals, runs until converged or the bound, then checks the invariants.</summary>
    public SimResult Run()
    {
        ScheduleSends();
        ScheduleRevokedWrites();
        ScheduleCrashes();
        SchedulePartitions();
        ScheduleSyncTimers();
        while (_clock.RunNext(_options.FaultyPhaseMs))
        {
        }

        _clock.At(_options.FaultyPhaseMs, Heal);
        long bound = checked(_options.FaultyPhaseMs + _options.ConvergenceBoundMs);
        while (!_converged && _clock.RunNext(bound))
        {
        }

        Counters.VirtualMs = _clock.NowMs;
        var violations = new List<string>(_runViolations);
        if (!_converged)
        {
            violations.Add($"did not converge within {_options.ConvergenceBoundMs} ms of virtual time after healing");
        }

        violations.AddRange(Invariants.Check(_nodes, _sent, _directory));
        return new SimResult(Counters, _converged, violations);
    }

    public void Dispose()
    {
        foreach (SimNode node in _nodes)
        {
            node.Replica.Dispose();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }

    private void Heal()
    {
        _network.Heal();
        Counters.HealedAtMs = _clock.NowMs;
        CheckConvergence();
    }

    /// <summary>
    /// Converged: every device is up, waits on nothing, and holds exactly the events that were sent. The
    /// invariants then check what convergence does not: one order, no duplicates, durability, signatures.
    /// </summary>
    private void CheckConvergence()
    {
        _converged = _nodes.TrueForAll(node => node.Up && node.Replica.PendingCount == 0
            && node.Replica.EventIds().SetEquals(Invariants.Expected(node, _sent, _directory)));
        if (_converged)
        {
            Counters.ConvergedAtMs = _clock.NowMs;
        }
        else
        {
            _clock.After(_options.ConvergenceCheckMs, CheckConvergence);
        }
    }

    private long LocalNow(SimNode node) => checked(Epoch + _clock.NowMs + node.ClockSkewMs);

    private static byte[] RandomBytes(SeededRandomSource random)
    {
        byte[] bytes = new byte[32];
        random.Fill(bytes);
        return bytes;
    }

    /// <summary>A RAM-backed folder when there is one: every commit syncs, and the disk is not under test here.</summary>
    private static string TempRoot() =>
        Directory.Exists("/dev/shm") ? Path.Combine("/dev/shm", "kith-sim") : Path.Combine(Path.GetTempPath(), "kith-sim");
}
