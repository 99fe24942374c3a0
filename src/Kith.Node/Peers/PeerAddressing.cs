using Kith.Protocol.Devices;
using Kith.Transport;
using Kith.Transport.Dialing;
using Kith.Wire.Devices;

namespace Kith.Node.Peers;

/// <summary>
/// Where to dial a known peer, from its signed device record: in tor mode its onion service (the address is derived
/// from the record's onion key, never taken from a host string, and the port is the record's onion transport's
/// virtual port); in direct mode (NOT ANONYMOUS) the record's direct TCP transport. A node never mixes the two, so a
/// node in tor mode opens no clearnet socket to a peer (PROTOCOL.md property 7).
/// </summary>
/// <param name="Direct">Whether this node runs in direct mode.</param>
internal sealed record PeerAddressing(bool Direct)
{
    /// <summary>The address to dial <paramref name="peer"/> at, or null when its record offers no transport of this node's kind.</summary>
    public PeerAddress? AddressOf(KnownPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        TransportKind wanted = Direct ? TransportKind.DirectTcp : TransportKind.Onion;
        DeviceTransport? transport = peer.Record.Transports.FirstOrDefault(t => t.Kind == wanted);
        if (transport is null)
        {
            return null;
        }

        // No known static key (a QR card's record): the peer proves its device id in the handshake payload instead.
        ReadOnlyMemory<byte> staticKey = peer.StaticKey ?? ReadOnlyMemory<byte>.Empty;
        return Direct
            ? new PeerAddress(peer.Device, staticKey, LinkKind.DirectTcp, transport.Host, transport.Port)
            : new PeerAddress(peer.Device, staticKey, LinkKind.Onion, DeviceRecords.OnionAddressOf(peer.Record).HostName, transport.Port);
    }

    /// <summary>Says the mode; direct says NOT ANONYMOUS.</summary>
    public override string ToString() => Direct ? "direct TCP, NOT ANONYMOUS" : "onion";
}
