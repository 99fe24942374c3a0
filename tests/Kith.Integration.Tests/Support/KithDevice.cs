using System.Text.Json;
using Kith.Api;
using Kith.Api.Identity;
using Kith.Api.Status;
using Kith.Tor.Hosting;

namespace Kith.Integration.Tests.Support;

/// <summary>
/// One Kith device as a person runs it: its own data folder, its own client tor of the private network (which
/// outlives the node, as a system tor would), a <c>kith-node run --tor-control</c> process while it is online, and
/// <c>kith</c> commands against it.
/// </summary>
internal sealed class KithDevice : IAsyncDisposable
{
    /// <summary>The passphrase of every test store (Argon2id at the production cost: about a second per node).</summary>
    private const string Passphrase = "integration test passphrase";

    private readonly CancellationToken _cancellationToken;

    private KithDevice(string name, string folder, TorProcess tor, CancellationToken cancellationToken)
    {
        Name = name;
        Folder = folder;
        Tor = tor;
        _cancellationToken = cancellationToken;
    }

    public string Name { get; }

    public string Folder { get; }

    public TorProcess Tor { get; }

    /// <summary>The running <c>kith-node</c>, while online.</summary>
    public ChildProcess? Node { get; private set; }

    public NodeApi Api => _api ?? throw new InvalidOperationException($"{Name} is offline.");

    private NodeApi? _api;

    /// <summary>A device (<paramref name="name"/>: letters and digits, it names its tor too) with its own tor; <c>kith init</c> (or <c>kith init --link</c>) is the caller's next step.</summary>
    public static async Task<KithDevice> CreateAsync(IntegrationNetwork network, string name, CancellationToken cancellationToken)
    {
        var tor = await network.Tor.StartClientAsync(name, cancellationToken);
        var folder = Path.Combine(network.Root, name);
        return new KithDevice(name, folder, tor, cancellationToken);
    }

    /// <summary><c>kith ARGS --data FOLDER</c>, with the passphrase in the environment.</summary>
    public Task<CliResult> KithAsync(params string[] arguments) => RunAsync("kith", Executables.Cli, arguments);

    /// <summary>A command of no device (e.g. <c>--help</c>), run in the network's folder.</summary>
    public static Task<CliResult> RunOnceAsync(IntegrationNetwork network, string executable, string[] arguments, CancellationToken cancellationToken) =>
        RunAsync(Path.GetFileName(executable), executable, [.. arguments, "--data", Path.Combine(network.Root, "none")], "", cancellationToken);

    private Task<CliResult> RunAsync(string program, string executable, string[] arguments) =>
        RunAsync(program, executable, [.. arguments, "--data", Folder], $" ({Name})", _cancellationToken);

    private static async Task<CliResult> RunAsync(string program, string executable, string[] arguments, string who, CancellationToken cancellationToken)
    {
        await using var cli = ChildProcess.Start($"{program} {arguments.FirstOrDefault()}{who}", executable, arguments, Environment());
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Eventually.Patience);
        try
        {
            await cli.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"`{program} {string.Join(' ', arguments)}`{who} did not finish:\n{cli.Output}");
        }

        return new CliResult($"{program} {string.Join(' ', arguments)}", cli.ExitCode, cli.Output);
    }

    /// <summary><c>kith-node ARGS --data FOLDER</c>, for what the CLI does not pass on (<c>init --link</c>).</summary>
    public Task<CliResult> NodeCommandAsync(params string[] arguments) => RunAsync("kith-node", Executables.Node, arguments);

    /// <summary>Starts <c>kith-node run</c> on this device's tor and waits until its onion service is published.</summary>
    public async Task StartAsync()
    {
        if (Node is not null)
        {
            throw new InvalidOperationException($"{Name} is already online.");
        }

        Node = ChildProcess.Start($"kith-node ({Name})", Executables.Node,
            ["run", "--data", Folder, "--tor-control", Tor.ControlEndPoint.ToString()], Environment());
        _api = await NodeApi.ConnectAsync(Folder, Node, _cancellationToken);
        await Eventually.UntilAsync($"{Name} publishes its onion service", Api.StatusAsync,
            s => s.OnionAddress is not null && s.Tor?.Progress == 100 && s.Tor.Problem is null, _cancellationToken);
    }

    /// <summary>SIGKILL: the node gets no chance to finish anything.</summary>
    public async Task KillAsync() => await GoOffline(node => node.KillAsync());

    /// <summary>SIGTERM: the node stops as it would under a service manager.</summary>
    public async Task StopAsync() => await GoOffline(node => node.StopAsync(TimeSpan.FromSeconds(15)));

    public Task<NodeStatus> StatusAsync() => Api.StatusAsync(_cancellationToken);

    /// <summary>The card, as <c>kith id --json</c> prints it.</summary>
    public async Task<IdentityCard> CardAsync()
    {
        var printed = (await KithAsync("id", "--json")).EnsureSuccess();
        return JsonSerializer.Deserialize(printed.Output, ApiJson.Default.IdentityCard)!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Node is not null)
        {
            await KillAsync();
        }
    }

    private async Task GoOffline(Func<ChildProcess, Task> stop)
    {
        var node = Node ?? throw new InvalidOperationException($"{Name} is already offline.");
        await stop(node);
        _api?.Dispose();
        _api = null;
        Node = null;
    }

    private static Dictionary<string, string?> Environment() => new()
    {
        ["KITH_PASSPHRASE"] = Passphrase,
        ["KITH_NODE"] = Executables.Node,
        // A node started by the CLI must be this build's, and no setting of the machine's user may leak in.
        ["XDG_DATA_HOME"] = null,
    };
}
