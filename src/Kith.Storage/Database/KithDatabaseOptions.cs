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

    /// <summary>Source of the data key, salts and nonces.</summary>
    public IRandomSource Random { get; init; } = SystemRandomSource.Instance;
}
