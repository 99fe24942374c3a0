using Kith.Crypto;
using Kith.Storage.Keyring;

namespace Kith.Storage.Database;

/// <summary>How a <see cref="KithDatabase"/> is opened. The defaults are the production settings.</summary>
public sealed class KithDatabaseOptions
{
    /// <summary>The production settings.</summary>
    public static KithDatabaseOptions Default { get; } = new();

    /// <summary>
    /// Argon2id costs used when a store is created or its passphrase changed (opening uses the costs stored
    /// with the wrapped key). Only tests lower them, to stay fast.
    /// </summary>
    public PassphraseKdfParameters KdfParameters { get; init; } = PassphraseKdfParameters.Default;

    /// <summary>How long a statement waits for another connection's lock before failing with <see cref="StorageErrors.Busy"/>.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Most memory SQLite's page cache of the connection may use, in KiB (<c>PRAGMA cache_size</c> with a negative
    /// value). The default is SQLite's own (2,000 KiB): a device's working set is small. Bulk writers (an import,
    /// the benchmarks' builder) raise it so that one large transaction's pages stay in memory until its commit.
    /// </summary>
    public int PageCacheKiB { get; init; } = DefaultPageCacheKiB;

    /// <summary>SQLite's default page cache size in KiB (<c>SQLITE_DEFAULT_CACHE_SIZE</c> = -2000).</summary>
    public const int DefaultPageCacheKiB = 2000;

    /// <summary>Source of the data key, salts and nonces.</summary>
    public IRandomSource Random { get; init; } = SystemRandomSource.Instance;
}
