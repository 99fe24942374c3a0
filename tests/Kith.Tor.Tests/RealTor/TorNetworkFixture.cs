using System.Diagnostics;
using Kith.Testing.Tor;
using Kith.Tor.Hosting;

namespace Kith.Tor.Tests.RealTor;

/// <summary>This assembly's private Tor network (Kith.Testing.Tor) with two Kith client tors, A and B.</summary>
public sealed class TorNetworkFixture : IAsyncLifetime
{
    private PrivateTorNetwork? _network;

    public TorProcess ClientA { get; private set; } = null!;

    public TorProcess ClientB { get; private set; } = null!;

    /// <summary>From nothing to both clients at 100% bootstrapped, key generation included.</summary>
    public TimeSpan StartTime { get; private set; }

    public string StartPhases => Network.StartPhases;

    public PrivateTorNetwork Network => _network ?? throw new InvalidOperationException("The network has not started.");

    public TorProcessOptions ClientOptions(string name) => Network.ClientOptions(name);

    public async ValueTask InitializeAsync()
    {
        _network = await PrivateTorNetwork.StartAsync(message => TestContext.Current.SendDiagnosticMessage(message), TestContext.Current.CancellationToken);
        var clients = Stopwatch.StartNew();
        var started = await Task.WhenAll(
            _network.StartClientAsync("clientA", TestContext.Current.CancellationToken),
            _network.StartClientAsync("clientB", TestContext.Current.CancellationToken));
        (ClientA, ClientB) = (started[0], started[1]);
        StartTime = _network.StartTime + clients.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (_network is not null)
        {
            await _network.DisposeAsync();
        }
    }
}
