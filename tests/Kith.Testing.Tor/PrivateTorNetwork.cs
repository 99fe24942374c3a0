using System.Diagnostics;
using System.Text.RegularExpressions;
using Kith.Tor.Hosting;

namespace Kith.Testing.Tor;

/// <summary>
/// A private Tor network on 127.0.0.1: 3 directory authorities and 2 relays, then one client tor per Kith node
/// (<see cref="StartClientAsync"/>), built as /work/shared/tor/PRIVATE-TOR.md records. Keys are made per run in a
/// temp folder; ports are chosen per run; every tor has <c>__OwningControllerProcess</c> set to this process and is
/// stopped by its own PID on dispose. If any part fails to start, everything started is stopped. Only one network
/// runs on the machine at a time (<see cref="NetworkLock"/>): a second start waits for the first to stop.
/// </summary>
public sealed partial class PrivateTorNetwork : IAsyncDisposable
{
    /// <summary>How long any one wait may take before it counts as a failure (never a pacing delay).</summary>
    public static readonly TimeSpan FailureTimeout = TimeSpan.FromSeconds(90);

    private const int AuthorityCount = 3;
    private const int RelayCount = 2;

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"kith-tornet-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private readonly List<TorChild> _servers = [];
    private readonly List<TorProcess> _clients = [];
    private readonly List<(string Name, TimeSpan At)> _phases = [];
    private readonly Stopwatch _clock = new();
    private NetworkLock? _lock;
    private string _emptyFile = "";
    private string[] _dirAuthorities = [];

    private PrivateTorNetwork()
    {
    }

    /// <summary>From nothing to a consensus every relay holds, key generation included (not the wait for the lock).</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>Elapsed time at the end of each start phase, for the report.</summary>
    public string StartPhases
    {
        get
        {
            lock (_phases)
            {
                return string.Join(", ", _phases.Select(p => $"{p.Name} {p.At.TotalSeconds:F1} s"));
            }
        }
    }

    /// <summary>
    /// Starts the authorities and relays and waits until new clients can bootstrap at once. Waits first for any other
    /// network on this machine to stop (<paramref name="log"/> says so).
    /// </summary>
    public static async Task<PrivateTorNetwork> StartAsync(Action<string>? log, CancellationToken cancellationToken)
    {
        var network = new PrivateTorNetwork();
        try
        {
            network._lock = await NetworkLock.AcquireAsync(NetworkLock.DefaultPath, log, cancellationToken);
            network._clock.Start();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(FailureTimeout);
            await network.BuildAsync(timeout.Token);
        }
        catch (Exception e)
        {
            var logs = string.Join("\n", network._servers.Select(s => $"--- {s.Name}:\n{s.Output}"));
            await network.DisposeAsync();
            throw new InvalidOperationException($"The private Tor network did not start: {e.Message}\n{logs}", e);
        }

        network.StartTime = network._clock.Elapsed;
        return network;
    }

    /// <summary>
    /// Options for a client tor of this network, for a <see cref="TorProcess"/> the caller supervises (it writes its
    /// own DataDirectory and owner lines).
    /// </summary>
    public TorProcessOptions ClientOptions(string name) => new(Path.Combine(_root, name))
    {
        ExtraTorrcLines =
        [
            .. NetworkTorrc.Common(name, Path.Combine(_root, name), _dirAuthorities, _emptyFile)
                .Where(l => !l.StartsWith("DataDirectory ", StringComparison.Ordinal) && !l.StartsWith("__OwningControllerProcess ", StringComparison.Ordinal)),
            .. NetworkTorrc.Client(),
        ],
    };

    /// <summary>
    /// Starts a client tor named <paramref name="name"/> (unique per network) and waits for its 100% bootstrap. The
    /// network stops it on dispose; its control port uses cookie authentication (<c>control_auth_cookie</c> in its
    /// DataDirectory, which tor reports through PROTOCOLINFO).
    /// </summary>
    public async Task<TorProcess> StartClientAsync(string name, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FailureTimeout);
        var started = await TorProcess.StartAsync(ClientOptions(name), timeout.Token);
        if (!started.IsOk)
        {
            throw new InvalidOperationException($"{name}: {started.Error}");
        }

        lock (_clients)
        {
            _clients.Add(started.Value);
        }

        var boot = await started.Value.WaitForBootstrapAsync(null, timeout.Token);
        if (!boot.IsOk)
        {
            throw new InvalidOperationException($"{name} bootstrap: {boot.Error}\n{started.Value.RecentOutput}");
        }

        Phase($"{name} at 100%");
        return started.Value;
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        _emptyFile = Path.Combine(_root, "empty");
        await File.WriteAllTextAsync(_emptyFile, "", cancellationToken);
        var resolvConf = Path.Combine(_root, "resolv.conf");
        await File.WriteAllTextAsync(resolvConf, "nameserver 127.0.0.1\n", cancellationToken);

        var ports = FreePorts.Take((AuthorityCount * 2) + RelayCount);
        var authorities = await Task.WhenAll(Enumerable.Range(0, AuthorityCount).Select(i =>
            AuthorityKeys.CreateAsync(Path.Combine(_root, $"auth{i}"), orPort: ports[2 * i], dirPort: ports[(2 * i) + 1], _emptyFile, cancellationToken)));
        Phase("keys");
        _dirAuthorities = [.. authorities.Select((a, i) =>
            $"DirAuthority auth{i} orport={a.OrPort} v3ident={a.V3Ident} 127.0.0.1:{a.DirPort} {a.Fingerprint}")];

        // Authorities and relays start together; the first vote falls 4–5 s from now.
        var offset = NetworkTorrc.VotingStartOffset(DateTimeOffset.UtcNow);
        for (var i = 0; i < AuthorityCount; i++)
        {
            var name = $"auth{i}";
            var directory = Path.Combine(_root, name);
            var torrc = NetworkTorrc.Common(name, directory, _dirAuthorities, _emptyFile)
                .Concat(NetworkTorrc.Relay(authorities[i].OrPort, resolvConf))
                .Concat(NetworkTorrc.Authority(authorities[i].DirPort, offset));
            _servers.Add(TorChild.Start(name, directory, string.Join("\n", torrc) + "\n", _emptyFile));
        }

        for (var i = 0; i < RelayCount; i++)
        {
            var name = $"relay{i}";
            var directory = Path.Combine(_root, name);
            PrivateDirectory.Create(directory);
            var torrc = NetworkTorrc.Common(name, directory, _dirAuthorities, _emptyFile)
                .Concat(NetworkTorrc.Relay(ports[(AuthorityCount * 2) + i], resolvConf));
            _servers.Add(TorChild.Start(name, directory, string.Join("\n", torrc) + "\n", _emptyFile));
        }

        await WaitForConsensusAsync(authorities[0].DirPort, AuthorityCount + RelayCount, cancellationToken);
        Phase("consensus");
        var relays = _servers.Skip(AuthorityCount).ToArray();
        foreach (var relay in relays)
        {
            relay.Hangup();
        }

        await Task.WhenAll(relays.Select(r => WaitForMicrodescriptorsAsync(r, AuthorityCount + RelayCount, cancellationToken)));
        Phase("microdescriptors");
    }

    private void Phase(string name)
    {
        lock (_phases)
        {
            _phases.Add((name, _clock.Elapsed));
        }
    }

    private async Task WaitForConsensusAsync(int dirPort, int relays, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = ConsensusPoll.RequestTimeout };
        await ConsensusPoll.WaitAsync(http, ConsensusPoll.Url(dirPort), relays, TimeSpan.FromMilliseconds(200),
            ThrowIfAServerDied, cancellationToken);
    }

    /// <summary>Waits until a relay holds every relay's microdescriptor, so new clients do not stall at 50%.</summary>
    private async Task WaitForMicrodescriptorsAsync(TorChild relay, int relays, CancellationToken cancellationToken)
    {
        while (true)
        {
            ThrowIfAServerDied();
            var count = 0;
            foreach (var file in Directory.EnumerateFiles(relay.DataDirectory, "cached-microdescs*"))
            {
                try
                {
                    count += OnionKeyLine().Matches(await File.ReadAllTextAsync(file, cancellationToken)).Count;
                }
                catch (IOException)
                {
                }
            }

            if (count >= relays)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private void ThrowIfAServerDied()
    {
        var dead = _servers.FirstOrDefault(s => s.HasExited);
        if (dead is not null)
        {
            throw new InvalidOperationException($"{dead.Name} exited");
        }
    }

    /// <summary>Stops every client tor, then the relays and authorities, by their own PIDs; then frees the machine's lock.</summary>
    public async ValueTask DisposeAsync()
    {
        TorProcess[] clients;
        lock (_clients)
        {
            clients = [.. _clients];
        }

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _clients.Clear();
        _servers.Clear();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }

        _lock?.Dispose();
        _lock = null;
    }

    [GeneratedRegex("^onion-key", RegexOptions.Multiline)]
    private static partial Regex OnionKeyLine();
}
