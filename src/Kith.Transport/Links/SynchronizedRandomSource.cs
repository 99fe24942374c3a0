using Kith.Crypto;

namespace Kith.Transport.Links;

/// <summary>
/// Serialises calls to a random source. Handshakes of different links run concurrently, and a seeded source
/// (tests) keeps a counter that must not be raced; the OS source is unaffected by the lock.
/// </summary>
internal sealed class SynchronizedRandomSource(IRandomSource inner) : IRandomSource
{
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public void Fill(Span<byte> destination)
    {
        lock (_gate)
        {
            inner.Fill(destination);
        }
    }
}
