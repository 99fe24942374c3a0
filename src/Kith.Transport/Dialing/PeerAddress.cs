using Kith.Primitives.Ids;

namespace Kith.Transport.Dialing;

/// <summary>
/// Where and whom to dial: the peer device, what it must prove in the handshake (its X25519 static key when known,
/// else its device identity through the handshake's <see cref="Handshake.LinkIdentity"/> payload), and how to reach
/// it (an onion service's <c>.onion</c> name and virtual port, or a host and port for direct TCP). The node builds
/// these from the peer's signed device record.
/// </summary>
/// <param name="Peer">The device; the identity it must prove when <paramref name="StaticPublicKey"/> is empty.</param>
/// <param name="StaticPublicKey">Its X25519 static public key (32 bytes), or empty when only its identity is known (a QR card).</param>
/// <param name="Kind">Onion or direct TCP.</param>
/// <param name="Host">The <c>.onion</c> name, or the host for direct TCP.</param>
/// <param name="Port">The onion service's virtual port, or the TCP port.</param>
public sealed record PeerAddress(DeviceId Peer, ReadOnlyMemory<byte> StaticPublicKey, LinkKind Kind, string Host, int Port);
