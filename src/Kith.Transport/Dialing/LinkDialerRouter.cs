using Kith.Primitives.Errors;
using Kith.Transport.Links;

namespace Kith.Transport.Dialing;

/// <summary>
/// Picks the dialer for an address's <see cref="LinkKind"/>, so one connection manager can hold onion and direct
/// links. A node in Tor mode gives only an <see cref="OnionDialer"/>: a direct address then fails instead of opening
/// a clearnet socket (PROTOCOL.md property 7).
/// </summary>
/// <param name="onion">Dials onion addresses, or null when this node makes no onion links.</param>
/// <param name="direct">Dials direct TCP addresses (NOT ANONYMOUS), or null when this node makes none.</param>
public sealed class LinkDialerRouter(ILinkDialer? onion, ILinkDialer? direct) : ILinkDialer
{
    /// <summary>The address's kind has no dialer here.</summary>
    public static KithError KindDisabled { get; } = new(
        "transport.kind_disabled", ErrorScope.Local, false, "This node does not make links of that kind.");

    /// <inheritdoc/>
    public Task<Result<PeerLink>> DialAsync(PeerAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ILinkDialer? dialer = address.Kind switch
        {
            LinkKind.Onion => onion,
            LinkKind.DirectTcp => direct,
            _ => null,
        };
        return dialer is null
            ? Task.FromResult(Result<PeerLink>.Fail(KindDisabled))
            : dialer.DialAsync(address, cancellationToken);
    }

    /// <summary>Which kinds are enabled; direct says NOT ANONYMOUS.</summary>
    public override string ToString() =>
        $"LinkDialerRouter(onion {(onion is null ? "off" : "on")}, direct {(direct is null ? "off" : "on, NOT ANONYMOUS")})";
}
