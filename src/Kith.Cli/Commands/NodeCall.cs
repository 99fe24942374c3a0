using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kith.Cli.Client;

namespace Kith.Cli.Commands;

/// <summary>
/// The shape of every command that asks the node something: connect, call, then print the value (as JSON with
/// <c>--json</c>) or the failure's one sentence on standard error with exit code <see cref="Failed"/>.
/// </summary>
internal static class NodeCall
{
    /// <summary>Exit code when the command did not do what was asked (nothing changed).</summary>
    public const int Failed = 1;

    public static async Task<int> RunAsync<T>(ParseResult parse, GlobalOptions global, CliIo io,
        Func<NodeClient, CancellationToken, Task<CliResult<T>>> call, JsonTypeInfo<T> json, Action<T> render, CancellationToken cancellationToken)
    {
        if (!NodeClient.Connect(global.Folder(parse)).TryGet(out NodeClient? client, out CliFailure? failure))
        {
            return Fail(io, failure);
        }

        using (client)
        {
            if (!(await call(client, cancellationToken)).TryGet(out T? value, out failure))
            {
                return Fail(io, failure);
            }

            if (parse.GetValue(global.Json))
            {
                io.Out.WriteLine(JsonSerializer.Serialize(value, json));
            }
            else
            {
                render(value);
            }

            return 0;
        }
    }

    public static int Fail(CliIo io, CliFailure failure)
    {
        io.Error.WriteLine(failure.Message);
        return Failed;
    }
}
