using System.Diagnostics;
using System.Text.RegularExpressions;
using Kith.Tor.Hosting;

namespace Kith.Tor.Tests.RealTor;

/// <summary>
/// A private Tor network on 127.0.0.1 for the real-tor tests: 3 directory authorities, 2 relays and 2 Kith client
/// tors (A and B, each a <see cref="TorProcess"/>), built as /work/shared/tor/PRIVATE-TOR.md records. Keys are made
/// per run in a temp folder; ports are chosen per run; every tor has <c>__OwningControllerProcess</c> set to this test
/// process and is stopped by its own PID on dispose. If any part fails to start, everything started is stopped.
/// </summary>
public sealed partial class PrivateTorNetwork : IAsyncLifetime
{
    /// <summary>How long any one wait may take before it counts as a failure (never a pacing delay).</summary>
    public static readonly TimeSpan FailureTimeout = TimeSpan.FromSeconds(90);

    private const int AuthorityCount = 3;
    private const int RelayCount = 2;

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"kith-tornet-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private readonly List<TorChild> _servers = [];
    private readonly List<TorProcess> _clients = [];
    private string _emptyFile = "";
    private string[] _dirAuthorities = [];

    public TorProcess ClientA => _clients[0];

    public TorProcess ClientB => _clients[1];

    /// <summary>From nothing to both clients at 100% bootstrapped, key generation included.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>Elapsed time at the end of each start phase, for the report.</summary>
    public string StartPhases => string.Join(", ", _phases.Select(p => $"{p.Name} {p.At.TotalSeconds:F1} s"));

    private readonly List<(string Name, TimeSpan At)> _phases = [];
    private readonly Stopwatch _clock = new();

    public async ValueTask InitializeAsync()
    {
        _clock.Start();
        using var timeout = new CancellationTokenSource(FailureTimeout);
        try
        {
            await BuildAsync(timeout.Token);
        }
        catch (Exception e)
        {
            var logs = string.Join("\n", _servers.Select(s => $"--- {s.Name}:\n{s.Output}"));
            await DisposeAsync();
            throw new InvalidOperationException($"The private Tor network did not start: {e.Message}\n{logs}", e);
        }

        StartTime = _clock.Elapsed;
    }

    /// <summary>Options for a client tor of this network; <see cref="TorProcess"/> writes its own DataDirectory and owner lines.</summary>
    public TorProcessOptions ClientOptions(string name) => new(Path.Combine(_root, name))
    {
        ExtraTorrcLines =
        [
            .. NetworkTorrc.Common(name, Path.Combine(_root, name), _dirAuthorities, _emptyFile)
                .Where(l => !l.StartsWith("DataDirectory ", StringComparison.Ordinal) && !l.StartsWith("__OwningControllerProcess ", StringComparison.Ordinal)),
            .. NetworkTorrc.Client(),
        ],
    };

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

        foreach (var name in new[] { "clientA", "clientB" })
        {
            var started = await TorProcess.StartAsync(ClientOptions(name), cancellationToken);
            _clients.Add(started.IsOk ? started.Value : throw new InvalidOperationException($"{name}: {started.Error}"));
        }

        Phase("clients started");
        var boots = await Task.WhenAll(_clients.Select(c => c.WaitForBootstrapAsync(null, cancellationToken)));
        foreach (var boot in boots)
        {
            if (!boot.IsOk)
            {
                throw new InvalidOperationException($"bootstrap: {boot.Error}");
            }
        }
    }

    private void Phase(string name) => _phases.Add((name, _clock.Elapsed));

    /// <summary>Polls an authority's consensus until it lists every relay (PRIVATE-TOR.md, step 4).</summary>
    private async Task WaitForConsensusAsync(int dirPort, int relays, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = $"http://127.0.0.1:{dirPort}/tor/status-vote/current/consensus-microdesc";
        while (true)
        {
            ThrowIfAServerDied();
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    if (RouterLine().Matches(text).Count >= relays)
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient's own 5 s timeout (an authority slow to answer on a loaded machine): poll again
                // rather than failing the network's start; only the caller's token ends the wait.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
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

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
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
    }

    [GeneratedRegex("^r ", RegexOptions.Multiline)]
    private static partial Regex RouterLine();

    [GeneratedRegex("^onion-key", RegexOptions.Multiline)]
    private static partial Regex OnionKeyLine();
}
