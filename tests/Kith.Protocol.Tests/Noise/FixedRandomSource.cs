using Kith.Crypto;

namespace Kith.Protocol.Tests.Noise;

/// <summary>
/// Returns the given byte strings, one per <see cref="Fill"/>, in order: how the vectors fix the ephemeral
/// keys through the same seam production randomness uses. Asking for more, or for a different length,
/// fails the test.
/// </summary>
internal sealed class FixedRandomSource(params byte[][] outputs) : IRandomSource
{
    private readonly Queue<byte[]> _outputs = new(outputs);

    public void Fill(Span<byte> destination)
    {
        Assert.True(_outputs.TryDequeue(out byte[]? next), "The handshake drew more randomness than the vector provides.");
        Assert.Equal(next.Length, destination.Length);
        next.CopyTo(destination);
    }
}
