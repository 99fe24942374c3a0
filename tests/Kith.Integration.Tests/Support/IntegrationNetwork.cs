using Kith.Testing.Tor;

namespace Kith.Integration.Tests.Support;

/// <summary>
/// The tests' shared world: the private Tor network (Kith.Testing.Tor; at most one on the machine at a time) and a
/// temp folder for the devices' data. On dispose every process a test left running is stopped by its PID, then the
/// network.
/// </summary>
public sealed class IntegrationNetwork : IAsyncLifetime
{
    private PrivateTorNetwork? _tor;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"kith-integration-{System.Environment.ProcessId}-{Guid.NewGuid():N}");

    public PrivateTorNetwork Tor => _tor ?? throw new InvalidOperationException("The network has not started.");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        _tor = await PrivateTorNetwork.StartAsync(message => TestContext.Current.SendDiagnosticMessage(message), TestContext.Current.CancellationToken);
        TestContext.Current.SendDiagnosticMessage($"private Tor network: {_tor.StartTime.TotalSeconds:F1} s ({_tor.StartPhases})");
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcess.StopAllAsync();
        if (_tor is not null)
        {
            await _tor.DisposeAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Every integration test shares one network.</summary>
[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<IntegrationNetwork>
{
    public const string Name = "Real processes on a private Tor network";
}
