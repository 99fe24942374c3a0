using System.Diagnostics;

namespace Kith.Testing.Tor;

/// <summary>A directory authority's keys, made fresh per run (PRIVATE-TOR.md, "Building it", step 1).</summary>
internal sealed record AuthorityKeys(int OrPort, int DirPort, string V3Ident, string Fingerprint)
{
    public static async Task<AuthorityKeys> CreateAsync(string dataDirectory, int orPort, int dirPort, string emptyFile, CancellationToken cancellationToken)
    {
        var keys = Path.Combine(dataDirectory, "keys");
        PrivateDirectory.Create(dataDirectory);
        PrivateDirectory.Create(keys);

        // An empty passphrase on stdin; -m 12: the certificate is valid for 12 months.
        await RunAsync("tor-gencert", keys, cancellationToken,
            "--create-identity-key", "--passphrase-fd", "0", "-m", "12", "-a", $"127.0.0.1:{dirPort}",
            "-i", "authority_identity_key", "-s", "authority_signing_key", "-c", "authority_certificate");
        var v3Ident = File.ReadLines(Path.Combine(keys, "authority_certificate"))
            .First(l => l.StartsWith("fingerprint ", StringComparison.Ordinal))["fingerprint ".Length..].Trim();

        await RunAsync("tor", dataDirectory, cancellationToken,
            "--list-fingerprint", "--DataDirectory", dataDirectory, "--ORPort", $"127.0.0.1:{orPort}", "--Address", "127.0.0.1",
            "--DirAuthority", "placeholder 127.0.0.1:1 0000000000000000000000000000000000000000",
            "-f", emptyFile, "--defaults-torrc", emptyFile, "--hush");
        var fingerprint = File.ReadAllText(Path.Combine(dataDirectory, "fingerprint")).Split(' ', StringSplitOptions.TrimEntries)[1];
        return new AuthorityKeys(orPort, dirPort, v3Ident, fingerprint);
    }

    private static async Task RunAsync(string program, string workingDirectory, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await output} {await error}");
        }
    }
}
