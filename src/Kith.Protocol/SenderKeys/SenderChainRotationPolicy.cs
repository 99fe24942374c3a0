using Kith.Primitives;

namespace Kith.Protocol.SenderKeys;

/// <summary>
/// When an author replaces its sender chain with a new one (Megolm's <c>rotation_period_msgs</c> and
/// <c>rotation_period_ms</c>; Signal rotates sender keys when group membership changes). Membership changes and
/// revocations are signalled by the caller with <see cref="SenderChain.RequestRotation"/>.
/// </summary>
/// <param name="MaxMessages">Rotate once the chain has encrypted this many messages.</param>
/// <param name="MaxAgeMs">Rotate once the chain is this many milliseconds old.</param>
public readonly record struct SenderChainRotationPolicy(uint MaxMessages, long MaxAgeMs)
{
    /// <summary>Kith's policy: <see cref="Limits.SenderChainMaxMessages"/> messages or <see cref="Limits.SenderChainMaxAgeMs"/>.</summary>
    public static SenderChainRotationPolicy Default { get; } = new(Limits.SenderChainMaxMessages, Limits.SenderChainMaxAgeMs);
}
