using Kith.Crypto;
using Kith.Primitives;

namespace Kith.Transport.Links;

/// <summary>
/// What a link needs from its environment: a clock for its timeouts and randomness for its handshake's ephemeral
/// keys (both injected so tests run on virtual time with seeded keys), and the timeouts themselves.
/// </summary>
/// <param name="Time">Drives the handshake and idle timeouts.</param>
/// <param name="Random">Source of Noise ephemeral keys; may be called from several handshakes at once, so
/// <see cref="LinkOptions.Create"/> wraps it in a lock.</param>
public sealed record LinkOptions(TimeProvider Time, IRandomSource Random)
{
    /// <summary>Handshake deadline in milliseconds (<see cref="Limits.LinkHandshakeTimeoutMs"/>).</summary>
    public long HandshakeTimeoutMs { get; init; } = Limits.LinkHandshakeTimeoutMs;

    /// <summary>Idle deadline in milliseconds (<see cref="Limits.LinkIdleTimeoutMs"/>).</summary>
    public long IdleTimeoutMs { get; init; } = Limits.LinkIdleTimeoutMs;

    /// <summary>Keepalive period in milliseconds (<see cref="Limits.LinkKeepaliveIntervalMs"/>).</summary>
    public long KeepaliveIntervalMs { get; init; } = Limits.LinkKeepaliveIntervalMs;

    /// <summary>Options whose random source is safe to share between concurrent handshakes.</summary>
    public static LinkOptions Create(TimeProvider time, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        return new LinkOptions(time, random as SynchronizedRandomSource ?? new SynchronizedRandomSource(random));
    }
}
