using Kith.Primitives.Errors;

namespace Kith.Transport;

/// <summary>
/// Why a link was refused or closed. Every one of these ends the link (<see cref="ErrorScope.Link"/> or, when the
/// peer misbehaved, <see cref="ErrorScope.Peer"/>); texts are fixed sentences with no peer bytes.
/// </summary>
public static class TransportErrors
{
    /// <summary>The peer closed the connection (or it broke) before or between frames.</summary>
    public static KithError Closed { get; } = new(
        "transport.closed", ErrorScope.Link, true, "The connection was closed.");

    /// <summary>The connection could not be opened or failed while writing.</summary>
    public static KithError ConnectFailed { get; } = new(
        "transport.connect_failed", ErrorScope.Link, true, "Could not connect to the peer.");

    /// <summary>The handshake did not finish within <see cref="Primitives.Limits.LinkHandshakeTimeoutMs"/>.</summary>
    public static KithError HandshakeTimeout { get; } = new(
        "transport.handshake_timeout", ErrorScope.Link, true, "The link handshake did not finish in time.");

    /// <summary>A handshake message had a length the link protocol does not allow.</summary>
    public static KithError BadHandshakeLength { get; } = new(
        "transport.bad_handshake_length", ErrorScope.Peer, false, "A link handshake message had an invalid length.");

    /// <summary>The Noise handshake failed (bad tag, low-order key, different prologue or transport kind).</summary>
    public static KithError HandshakeFailed { get; } = new(
        "transport.handshake_failed", ErrorScope.Peer, false, "The link handshake failed authentication.");

    /// <summary>The dialled peer proved a static key or identity other than the one expected for it.</summary>
    public static KithError WrongPeer { get; } = new(
        "transport.wrong_peer", ErrorScope.Peer, false, "The peer is not the device that was dialled.");

    /// <summary>The listener's authoriser knows neither the connecting device nor its static key.</summary>
    public static KithError UnknownPeer { get; } = new(
        "transport.unknown_peer", ErrorScope.Peer, false, "The connecting peer is not known.");

    /// <summary>A handshake identity payload (<see cref="Handshake.LinkIdentity"/>) had the wrong length.</summary>
    public static KithError MalformedIdentity { get; } = new(
        "transport.malformed_identity", ErrorScope.Peer, false, "The peer's identity payload is malformed.");

    /// <summary>A handshake identity payload of a version this device does not speak.</summary>
    public static KithError UnknownIdentityVersion { get; } = new(
        "transport.unknown_identity_version", ErrorScope.Peer, false, "The peer's identity payload has an unknown version.");

    /// <summary>The identity payload's signature does not bind the peer's static key to the identity it names.</summary>
    public static KithError UnprovenIdentity { get; } = new(
        "transport.unproven_identity", ErrorScope.Peer, false, "The peer's identity did not sign its static key.");

    /// <summary>A frame would exceed <see cref="Primitives.Limits.LinkMaxFrameLength"/>.</summary>
    public static KithError OversizedFrame { get; } = new(
        "transport.oversized_frame", ErrorScope.Peer, false, "A frame exceeded the link's maximum frame length.");

    /// <summary>A transport message failed authentication (tampered, reordered or replayed).</summary>
    public static KithError BadTag { get; } = new(
        "transport.bad_tag", ErrorScope.Peer, false, "A link message failed authentication.");

    /// <summary>A decrypted message did not follow the chunk format.</summary>
    public static KithError BadChunk { get; } = new(
        "transport.bad_chunk", ErrorScope.Peer, false, "A link message had an invalid chunk header.");

    /// <summary>Nothing arrived for <see cref="Primitives.Limits.LinkIdleTimeoutMs"/>.</summary>
    public static KithError IdleTimeout { get; } = new(
        "transport.idle_timeout", ErrorScope.Link, true, "The link was idle for too long.");

    /// <summary>The link's Noise nonce ran out (2^64 messages); a new link must be made.</summary>
    public static KithError Exhausted { get; } = new(
        "transport.exhausted", ErrorScope.Link, true, "The link used up its nonces; reconnect.");

    /// <summary>A still unauthenticated connection was dropped to admit a newer one.</summary>
    public static KithError Evicted { get; } = new(
        "transport.evicted", ErrorScope.Link, true, "The handshake was dropped to admit a newer connection.");

    /// <summary>The peer opened links faster than <see cref="Primitives.Limits.LinkPeerConnectionsPerWindow"/> allows.</summary>
    public static KithError RateLimited { get; } = new(
        "transport.rate_limited", ErrorScope.Peer, true, "The peer reconnects too often.");

    /// <summary>Another link to the same peer was kept instead of this one.</summary>
    public static KithError Duplicate { get; } = new(
        "transport.duplicate", ErrorScope.Link, true, "Another link to the same peer is kept instead.");

    /// <summary>The local side closed the link (shutdown or the peer was forgotten).</summary>
    public static KithError LocalClose { get; } = new(
        "transport.local_close", ErrorScope.Link, false, "The link was closed locally.");

    /// <summary>No live link to the peer.</summary>
    public static KithError NotConnected { get; } = new(
        "transport.not_connected", ErrorScope.Link, true, "There is no live link to the peer.");
}
