using Kith.Primitives.Errors;
using Kith.Transport.Links;

namespace Kith.Transport.Dialing;

/// <summary>Opens an authenticated link to a peer: connects, then runs the dialer's side of the link handshake.</summary>
public interface ILinkDialer
{
    /// <summary>
    /// Dials <paramref name="address"/>. Never throws for network or peer failures: the result says why
    /// (unreachable, timed out, wrong peer, ...), and whether trying again later can help.
    /// </summary>
    Task<Result<PeerLink>> DialAsync(PeerAddress address, CancellationToken cancellationToken);
}
