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
    /// 16 MiB, eight times SQLite's default (<c>SQLITE_DEFAULT_CACHE_SIZE</c> = -2000): the blind-index id columns
    /// are random keys, so every append lands on a random leaf of its id index, and once the index outgrows the
    /// cache each append reads that leaf back from the file. The events' id index of a 100,000-event conversation
    /// is about 5 MiB: with this cache a sync of that many events spends about a quarter less CPU on its appends.
    /// SQLite fills the cache only with pages it reads, so an idle store uses little of it.
    /// </summary>
    public const int DefaultPageCacheKiB = 16 * 1024;

    /// <summary>Source of the data key, salts and nonces.</summary>
    public IRandomSource Random { get; init; } = SystemRandomSource.Instance;
}
