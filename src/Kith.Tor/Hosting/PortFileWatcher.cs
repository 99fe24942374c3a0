using System.Diagnostics;
using System.Net;
using Kith.Primitives.Errors;

namespace Kith.Tor.Hosting;

/// <summary>Waits for tor's control port file without polling: a file-system watcher wakes the check.</summary>
internal static class PortFileWatcher
{
    /// <summary>
    /// The port file's endpoint once tor has written it; <c>null</c> if <paramref name="process"/> exits first or the
    /// token is cancelled.
    /// </summary>
    public static async Task<Result<IPEndPoint>?> WaitAsync(string path, Process process, CancellationToken cancellationToken)
    {
        using var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void Wake(object? sender, EventArgs e) => changed.Release();
        watcher.Created += Wake;
        watcher.Changed += Wake;
        watcher.Renamed += Wake;
        watcher.EnableRaisingEvents = true;

        var exited = process.WaitForExitAsync(CancellationToken.None);
        try
        {
            while (true)
            {
                // Checked after the watcher is armed, so a file written in between is not missed.
                var read = await PortFile.TryReadAsync(path, cancellationToken).ConfigureAwait(false);
                if (read is not null)
                {
                    return read;
                }

                var woke = changed.WaitAsync(cancellationToken);
                if (await Task.WhenAny(woke, exited).ConfigureAwait(false) == exited)
                {
                    return await PortFile.TryReadAsync(path, cancellationToken).ConfigureAwait(false);
                }

                await woke.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
