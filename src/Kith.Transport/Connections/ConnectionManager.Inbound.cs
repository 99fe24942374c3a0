using Kith.Primitives.Errors;
using Kith.Transport.Handshake;
using Kith.Transport.Links;

namespace Kith.Transport.Connections;

/// <summary>Inbound connections: bounded, authenticated, then registered.</summary>
public sealed partial class ConnectionManager
{
    private long _refused;

    /// <summary>
    /// Takes one accepted, unauthenticated connection (from a <see cref="Listening.TcpLinkListener"/>): runs the
    /// listener's handshake under the pending-handshake bound and the handshake deadline, and registers the link if
    /// the peer is authorised. Completes when the handshake has ended either way; never throws on peer behaviour.
    /// </summary>
    /// <param name="stream">The connection; owned from now on.</param>
    /// <param name="kind">How it reached this device.</param>
    public async Task AcceptInboundAsync(Stream stream, LinkKind kind)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (Volatile.Read(ref _disposed))
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            return;
        }

        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        LinkedListNode<CancellationTokenSource> entry = _pending.Admit(abandon);
        Result<PeerLink> accepted;
        try
        {
            accepted = await LinkHandshake.AcceptAsync(stream, kind, _local, _authorise, _options, abandon.Token)
                .ConfigureAwait(false);
        }
        finally
        {
            _pending.Remove(entry);
        }

        if (accepted.IsOk)
        {
            Register(accepted.Value);
        }
        else
        {
            Interlocked.Increment(ref _refused);
        }
    }
}
