using System.CommandLine;

namespace Kith.Cli.Commands;

/// <summary><c>kith init</c> and <c>kith node run</c>, passed on to <c>kith-node</c> with the same data folder.</summary>
internal static class NodeCommands
{
    public static Command Init(GlobalOptions global, CliIo io)
    {
        var name = new Option<string?>("--name") { Description = "The name your contacts see." };
        var link = new Option<bool>("--link") { Description = "Create only this device, to link into your existing account with `kith devices link`." };
        var init = new Command("init", "Create this device: a new account, its keys and its encrypted store (asks for a passphrase, or reads KITH_PASSPHRASE).")
        {
            name, link,
        };
        init.SetAction((parse, _) =>
        {
            List<string> arguments = ["init", .. DataArguments(parse, global)];
            if (parse.GetValue(link))
            {
                arguments.Add("--link");
            }

            if (parse.GetValue(name) is { } given)
            {
                arguments.AddRange(["--name", given]);
            }

            return NodeLauncher.RunAsync(arguments, io);
        });
        return init;
    }

    public static Command Node(GlobalOptions global, CliIo io)
    {
        var direct = new Option<bool>("--direct") { Description = "Reach peers over plain TCP without tor: NOT ANONYMOUS." };
        var torControl = new Option<string?>("--tor-control") { Description = "Use a running tor's control port (e.g. 127.0.0.1:9051)." };
        var torCookie = new Option<string?>("--tor-cookie") { Description = "That tor's control cookie file." };
        var run = new Command("run", "Start the node: tor, this device's onion service, and the local API.") { direct, torControl, torCookie };
        run.SetAction((parse, _) =>
        {
            List<string> arguments = ["run", .. DataArguments(parse, global)];
            if (parse.GetValue(direct))
            {
                arguments.Add("--direct");
            }

            if (parse.GetValue(torControl) is { } control)
            {
                arguments.AddRange(["--tor-control", control]);
            }

            if (parse.GetValue(torCookie) is { } cookie)
            {
                arguments.AddRange(["--tor-cookie", cookie]);
            }

            return NodeLauncher.RunAsync(arguments, io);
        });
        return new Command("node", "Run this device's node.") { run };
    }

    private static string[] DataArguments(ParseResult parse, GlobalOptions global) => ["--data", global.Folder(parse)];
}
