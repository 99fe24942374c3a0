using Kith.Crypto;
using Kith.Storage.Database;
using Kith.Storage.Keyring;

namespace Kith.Engine.Tests.Support;

/// <summary>A Kith database in a fresh temp folder that can be closed and reopened (a device restart); deleted on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private static readonly byte[] Passphrase = "engine tests"u8.ToArray();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kith-engine-tests", Guid.NewGuid().ToString("N"));
    private readonly ulong _seed;

    public TempDatabase(ulong seed)
    {
        _seed = seed;
        Directory.CreateDirectory(_folder);
        Database = KithDatabase.Create(_folder, Passphrase, Options()).Value;
    }

    public KithDatabase Database { get; private set; }

    /// <summary>Closes the file and opens it again, as a restarted node does.</summary>
    public void Reopen()
    {
        Database.Dispose();
        Database = KithDatabase.Open(_folder, Passphrase, Options()).Value;
    }

    // Argon2id at its cheapest so tests stay fast.
    private KithDatabaseOptions Options() => new() { KdfParameters = new PassphraseKdfParameters(1, 64), Random = new SeededRandomSource(_seed) };

    public void Dispose()
    {
        Database.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the OS later.
        }
    }
}
