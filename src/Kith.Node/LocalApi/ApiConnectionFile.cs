using System.Text.Json;
using Kith.Api;
using Kith.Api.Connection;

namespace Kith.Node.LocalApi;

/// <summary>
/// Writes <see cref="ApiConnection.FileName"/> owner-only (0600) and atomically: the content goes to a temporary
/// file created 0600 and is renamed over the old one, so a client never reads half a file and the token is never
/// readable by others, not even briefly.
/// </summary>
internal static class ApiConnectionFile
{
    public static string PathIn(string folder) => Path.Combine(folder, ApiConnection.FileName);

    public static void Write(string folder, ApiConnection connection)
    {
        string path = PathIn(folder);
        string temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            File.Delete(temporary);
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, connection, ApiJson.Default.ApiConnection);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Removes the file if it still names this process (a newer node may have replaced it).</summary>
    public static void Remove(string folder, int processId)
    {
        string path = PathIn(folder);
        try
        {
            ApiConnection? current = JsonSerializer.Deserialize(File.ReadAllText(path), ApiJson.Default.ApiConnection);
            if (current?.ProcessId == processId)
            {
                File.Delete(path);
            }
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            // Nothing to clean up, or not ours to remove.
        }
    }
}
