using System.Runtime.InteropServices;

namespace Kith.Bench.Groups;

/// <summary>
/// Drops a file's pages from the operating system's page cache (<c>posix_fadvise(POSIX_FADV_DONTNEED)</c>, Linux),
/// so that the next read of it comes from the disk: a cold open without root rights or dropping every cache.
/// Only clean pages are dropped, so a file should be synced (a checkpointed SQLite file is) before.
/// </summary>
internal static partial class PageCache
{
    private const int PosixFadviseDontNeed = 4;

    /// <summary>Drops the cached pages of each existing file in <paramref name="paths"/>; <c>false</c> where that is not supported.</summary>
    public static bool TryEvict(params string[] paths)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        foreach (string path in paths.Where(File.Exists))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (PosixFadvise((int)file.SafeFileHandle.DangerousGetHandle(), 0, 0, PosixFadviseDontNeed) != 0)
            {
                return false;
            }
        }

        return true;
    }

    [DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int PosixFadvise(int fd, long offset, long length, int advice);
}
