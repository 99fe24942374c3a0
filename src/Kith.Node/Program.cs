using System.CommandLine;
using System.Net;

namespace Kith.Node;

/// <summary>
/// <c>kith-node</c>: <c>init</c> creates this device, <c>run</c> serves it. People normally call these through
/// <c>kith init</c> and <c>kith node run</c>; the two executables are built side by side.
/// </summary>
internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        var data = new Option<string?>("--data") { Description = "The data folder (default: $XDG_DATA_HOME/kith, else ~/.local/share/kith).", Recursive = true };
        var name = new Option<string?>("--name") { Description = "The name contacts see for this account." };
        var link = new Option<bool>("--link") { Description = "Create only this device, to be linked into an existing account (no new account)." };
        var init = new Command("init", "Create this device: a new account, its keys, and the encrypted store.") { name, link };
        init.SetAction((parse, _) => Task.FromResult(NodeCommands.Init(parse.GetValue(data), parse.GetValue(name), Console.Out, Console.Error,
            toLink: parse.GetValue(link))));

        var direct = new Option<bool>("--direct") { Description = "Reach peers over plain TCP without tor: NOT ANONYMOUS (development and tests)." };
        var torControl = new Option<IPEndPoint?>("--tor-control")
        {
            Description = "Use an already running tor through its control port (e.g. 127.0.0.1:9051).",
            CustomParser = result => IPEndPoint.TryParse(result.Tokens.Single().Value, out IPEndPoint? endPoint) && IPAddress.IsLoopback(endPoint.Address) && endPoint.Port > 0
                ? endPoint
                : Fail(result, "--tor-control takes a loopback address and port, such as 127.0.0.1:9051."),
        };
        var torCookie = new Option<string?>("--tor-cookie") { Description = "That tor's control cookie file, if not where tor says." };
        var tor = new Option<string>("--tor") { Description = "The tor executable to start.", DefaultValueFactory = _ => "tor" };
        var run = new Command("run", "Serve this device: start tor, publish its onion service, and serve the local API on 127.0.0.1.")
        {
            direct, torControl, torCookie, tor,
        };
        run.SetAction((parse, cancellationToken) => NodeCommands.RunAsync(parse.GetValue(data),
            new RunSettings(parse.GetValue(direct), parse.GetValue(torControl), parse.GetValue(torCookie), parse.GetValue(tor)!),
            Console.Out, Console.Error, cancellationToken));

        var root = new RootCommand("kith-node: the Kith node daemon for one device.") { data, init, run };
        return root.Parse(args).InvokeAsync();
    }

    private static IPEndPoint? Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }
}
