namespace Kith.Integration.Tests.Sockets;

/// <summary>
/// The internet sockets one process holds: the socket inodes among its open descriptors (<c>/proc/PID/fd</c> links
/// <c>socket:[INODE]</c>) matched with the kernel's socket tables of its network namespace.
/// </summary>
internal static class ProcessSockets
{
    private static readonly string[] Tables = ["tcp", "tcp6", "udp", "udp6"];

    public static IReadOnlyList<InetSocket> Of(int processId)
    {
        var inodes = new HashSet<long>();
        foreach (var descriptor in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
        {
            try
            {
                if (new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(long.Parse(target["socket:[".Length..^1], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // The descriptor closed between listing and reading it.
            }
        }

        return [.. Tables.SelectMany(table => InetSocket.ParseTable(table, File.ReadAllText($"/proc/{processId}/net/{table}")))
            .Where(socket => inodes.Contains(socket.Inode))];
    }
}
