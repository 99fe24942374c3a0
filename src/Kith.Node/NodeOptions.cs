using Kith.Crypto;
using Kith.Storage.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kith.Node;

/// <summary>What the node takes from its surroundings, so tests pass virtual time, seeded randomness and cheap KDF costs.</summary>
internal sealed class NodeOptions
{
    /// <summary>The production defaults.</summary>
    public static NodeOptions Default { get; } = new();

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Randomness for keys and tokens.</summary>
    public IRandomSource Random { get; init; } = SystemRandomSource.Instance;

    /// <summary>The store's options (passphrase KDF costs).</summary>
    public KithDatabaseOptions Database { get; init; } = KithDatabaseOptions.Default;

    /// <summary>Where the node's diagnostics go (never secrets); none by default.</summary>
    public ILoggerFactory Logs { get; init; } = NullLoggerFactory.Instance;
}
