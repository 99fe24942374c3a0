using Kith.Crypto;
using Kith.Primitives;

namespace Kith.Storage.Keyring;

/// <summary>
/// Argon2id's cost (RFC 9106 §3.1: t iterations, m KiB; libsodium fixes p = 1). Stored beside the wrapped
/// data key, so each store can be re-wrapped with higher costs later without touching its values.
/// </summary>
/// <param name="Iterations">t, the number of passes over memory.</param>
/// <param name="MemoryKiB">m, the memory size in KiB.</param>
public sealed record PassphraseKdfParameters(int Iterations, int MemoryKiB)
{
    /// <summary>
    /// t = 3 and m = 64 MiB: RFC 9106 §4's second recommended option (for memory-constrained
    /// environments), with libsodium's single lane. About a quarter of a second on a laptop core.
    /// </summary>
    public static PassphraseKdfParameters Default { get; } = new(3, 64 * 1024);

    /// <summary>Whether both costs are within what Argon2id accepts and <see cref="Limits"/> allows on disk.</summary>
    public bool IsWithinBounds =>
        Iterations is >= 1 and <= Limits.MaxPassphraseKdfIterations &&
        MemoryKiB >= Argon2id.MinMemoryKiB && MemoryKiB <= Limits.MaxPassphraseKdfMemoryKiB;
}
