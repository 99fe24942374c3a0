namespace Kith.Testing.Tor;

/// <summary>
/// At most one private Tor network on this machine at a time, across processes: two networks starting together on
/// two cores starved each other's bootstrap until CI timed out (two test assemblies, each with its own network, run
/// in parallel under <c>dotnet test</c>). Held as an exclusive lock on a file in the temp folder (.NET takes
/// <c>flock(LOCK_EX)</c> for <see cref="FileShare.None"/> on Unix), so the kernel releases it when a process dies,
/// even by SIGKILL: no stale lock survives a crashed run.
/// </summary>
internal sealed class NetworkLock : IDisposable
{
    /// <summary>How long a second run waits for the first one's network before giving up.</summary>
    public static readonly TimeSpan AcquireTimeout = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(250);

    private readonly FileStream _file;

    private NetworkLock(FileStream file) => _file = file;

    public static string DefaultPath => Path.Combine(Path.GetTempPath(), "kith-private-tor-network.lock");

    /// <summary>Waits until no other process (or network in this one) holds <paramref name="path"/>.</summary>
    public static async Task<NetworkLock> AcquireAsync(string path, Action<string>? waiting, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AcquireTimeout);
        var told = false;
        while (true)
        {
            try
            {
                return new NetworkLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (!timeout.IsCancellationRequested)
            {
                if (!told)
                {
                    waiting?.Invoke($"another private Tor network is running on this machine ({path}); waiting for it to stop");
                    told = true;
                }
            }

            try
            {
                await Task.Delay(RetryInterval, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"another private Tor network held {path} for more than {AcquireTimeout.TotalMinutes} minutes");
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
