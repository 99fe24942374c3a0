namespace Kith.Storage.Tests.Support;

/// <summary>
/// Reads a store's files as raw bytes (the database and whatever sidecar files SQLite keeps beside it) and says
/// which named byte strings appear in which file: what an attacker holding the files would find.
/// </summary>
public static class StoreFileScan
{
    /// <summary>Every file SQLite may leave beside a database: its write-ahead log, shared memory index and rollback journal.</summary>
    public static readonly string[] AllSidecars = ["-wal", "-shm", "-journal"];

    /// <summary>The hits, as "NAME in FILE", for each needle found in the database file or one of <paramref name="sidecars"/>.</summary>
    public static List<string> Hits(string databasePath, IEnumerable<(string Name, byte[] Bytes)> needles, params string[] sidecars)
    {
        ArgumentNullException.ThrowIfNull(needles);
        ArgumentNullException.ThrowIfNull(sidecars);
        var hits = new List<string>();
        foreach (string path in sidecars.Select(suffix => databasePath + suffix).Prepend(databasePath))
        {
            if (!File.Exists(path))
            {
                continue;
            }

            byte[] content;
            // Opened while the store may still hold the file open, as a live attacker would read it.
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                content = copy.ToArray();
            }

            foreach (var (name, bytes) in needles)
            {
                if (content.AsSpan().IndexOf(bytes) >= 0)
                {
                    hits.Add($"{name} in {Path.GetFileName(path)}");
                }
            }
        }

        return hits;
    }
}
