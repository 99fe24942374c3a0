using System.Net;
using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Tor.Hosting;

/// <summary>
/// Tor's <c>ControlPortWriteToFile</c> file (tor-manual): one <c>PORT=ADDR:PORT</c> line per control listener,
/// written once the listener is open, so its appearance means tor accepts control connections.
/// </summary>
internal static class PortFile
{
    /// <summary>The first loopback endpoint in <paramref name="text"/>.</summary>
    public static Result<IPEndPoint> Parse(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("PORT=", StringComparison.Ordinal)
                && IPEndPoint.TryParse(line["PORT=".Length..], out var endPoint)
                && IPAddress.IsLoopback(endPoint.Address) && endPoint.Port != 0)
            {
                return endPoint;
            }
        }

        return TorProcessErrors.BadPortFile;
    }

    /// <summary>Reads the file if it is complete (ends with a newline) and small; <c>null</c> when not there yet.</summary>
    public static async Task<Result<IPEndPoint>?> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length > Limits.TorPortFileMaxBytes)
            {
                return TorProcessErrors.BadPortFile;
            }

            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return text.EndsWith('\n') ? Parse(text) : (Result<IPEndPoint>?)null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
