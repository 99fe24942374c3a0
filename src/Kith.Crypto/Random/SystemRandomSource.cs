using System.Security.Cryptography;

namespace Kith.Crypto;

/// <summary>The operating system's CSPRNG (<see cref="RandomNumberGenerator"/>). The only production source.</summary>
public sealed class SystemRandomSource : IRandomSource
{
    /// <summary>The shared instance (stateless).</summary>
    public static SystemRandomSource Instance { get; } = new();

    private SystemRandomSource()
    {
    }

    /// <inheritdoc/>
    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
