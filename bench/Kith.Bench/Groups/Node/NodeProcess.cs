using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kith.Api;
using Kith.Api.Connection;
using Kith.Api.Contacts;
using Kith.Api.Identity;

namespace Kith.Bench.Groups.Node;

/// <summary>
/// A real <c>kith-node</c> process (built beside this program through the project reference) over a data folder of
/// its own: <c>init</c>, then <c>run</c> with the given mode, reached like the CLI reaches it, through the port and
/// token it writes to <c>api.json</c>. Its memory is its own process's (tor, when used, is another process).
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    /// <summary>Generous bound on start-up (production Argon2id on a busy two-core machine); a failure, not a pace.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private const string Passphrase = "bench passphrase";

    private readonly Process _process;
    private readonly string _folder;

    private NodeProcess(string name, string folder, Process process, HttpClient http)
    {
        Name = name;
        _folder = folder;
        _process = process;
        Http = http;
    }

    /// <summary>Who it is, in notes.</summary>
    public string Name { get; }

    /// <summary>The local API, authorised.</summary>
    public HttpClient Http { get; }

    /// <summary>Initialises a device named <paramref name="name"/> and runs its node with <paramref name="runArguments"/>.</summary>
    public static async Task<NodeProcess> StartAsync(string name, IReadOnlyList<string> runArguments, CancellationToken cancellationToken)
    {
        string folder = Directory.CreateTempSubdirectory($"kith-bench-node-{name}-").FullName;
        try
        {
            using (Process init = Start(["init", "--name", name, "--data", folder]))
            {
                await init.WaitForExitAsync(cancellationToken);
                if (init.ExitCode != 0)
                {
                    throw new InvalidOperationException($"kith-node init failed: {await init.StandardError.ReadToEndAsync(cancellationToken)}");
                }
            }

            Process run = Start(["run", .. runArguments, "--data", folder]);
            // Drained so a chatty node never blocks on a full pipe.
            _ = run.StandardOutput.ReadToEndAsync(CancellationToken.None);
            _ = run.StandardError.ReadToEndAsync(CancellationToken.None);
            ApiConnection connection = await WaitForApiAsync(folder, run, cancellationToken);
            var http = new HttpClient { BaseAddress = connection.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(ApiAuth.Scheme, connection.Token);
            return new NodeProcess(name, folder, run, http);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>The node's resident set (VmRSS of /proc/PID/status), in MiB.</summary>
    public double ResidentMiB()
    {
        foreach (string line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                string kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return double.Parse(kib, CultureInfo.InvariantCulture) / 1024;
            }
        }

        throw new InvalidOperationException("VmRSS is missing from /proc: resident memory is measured on Linux only.");
    }

    /// <summary>Adds <paramref name="other"/>'s card (the link form, with prekeys) as a contact.</summary>
    public async Task AddContactAsync(NodeProcess other, CancellationToken cancellationToken)
    {
        IdentityCard card = (await other.Http.GetFromJsonAsync(ApiRoutes.Identity, ApiJson.Default.IdentityCard, cancellationToken))!;
        using HttpResponseMessage added = await Http.PostAsJsonAsync(ApiRoutes.Contacts, new AddContactRequest(card.Link),
            ApiJson.Default.AddContactRequest, cancellationToken);
        added.EnsureSuccessStatusCode();
    }

    /// <summary>This node's account id (hex), which names it as a contact exactly.</summary>
    public async Task<string> AccountAsync(CancellationToken cancellationToken) =>
        (await Http.GetFromJsonAsync(ApiRoutes.Status, ApiJson.Default.NodeStatus, cancellationToken))!.AccountId;

    /// <summary>Kills the node (its own PID) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static Process Start(IReadOnlyList<string> arguments)
    {
        string node = Path.Combine(AppContext.BaseDirectory, "kith-node.dll");
        var start = new ProcessStartInfo(Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(node);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KITH_PASSPHRASE"] = Passphrase;
        return Process.Start(start)!;
    }

    private static async Task<ApiConnection> WaitForApiAsync(string folder, Process run, CancellationToken cancellationToken)
    {
        string file = Path.Combine(folder, ApiConnection.FileName);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            if (run.HasExited)
            {
                throw new InvalidOperationException($"kith-node run exited with {run.ExitCode}.");
            }

            try
            {
                if (JsonSerializer.Deserialize(await File.ReadAllTextAsync(file, cancellationToken), ApiJson.Default.ApiConnection) is { } connection
                    && connection.ProcessId == run.Id)
                {
                    return connection;
                }
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                // Not written yet (it is renamed into place whole, so a partial read is a missing file).
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"kith-node did not serve its API within {StartTimeout.TotalSeconds} s.");
    }
}
