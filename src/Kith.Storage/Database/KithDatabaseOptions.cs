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
    /// value). The default is <see cref="DefaultPageCacheKiB"/>. Bulk writers (an import, the benchmarks' builder)
    /// raise it so that one large transaction's pages stay in memory until its commit.
    /// </summary>
    public int PageCacheKiB { get; init; } = DefaultPageCacheKiB;

    /// <summary>
    /// 16 MiB, eight times SQLite's default (<c>SQLITE_DEFAULT_CACHE_SIZE</c> = -2000): blind-index keys are random,
    /// so every insert into a table or index keyed by one (the message table) lands on a random leaf, and once
    /// the tree outgrows the cache each insert reads that leaf back from the file. Measured while event ids had an
    /// index of their own (about 5 MiB for 100,000 events, before migration 8): with this cache a sync of that many
    /// events spent about a quarter less CPU on its appends. SQLite fills the cache only with pages it reads, so an
    /// idle store uses little of it.
    /// </summary>
    public const int DefaultPageCacheKiB = 16 * 1024;

    /// <summary>Source of the data key, salts and nonces.</summary>
    public IRandomSource Random { get; init; } = SystemRandomSource.Instance;
}
