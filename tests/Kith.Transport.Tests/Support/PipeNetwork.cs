using System.Collections.Concurrent;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Transport.Connections;
using Kith.Transport.Dialing;
using Kith.Transport.Handshake;
using Kith.Transport.Links;
using Kith.Tor.Tests.Support;

namespace Kith.Transport.Tests.Support;

/// <summary>
/// Devices whose connection managers reach each other over in-memory pipes: dialling a peer opens a pipe pair and
/// hands the far end to that peer's manager as an inbound connection. Peers can be taken offline.
/// </summary>
public sealed class PipeNetwork
{
    private readonly ConcurrentDictionary<DeviceId, ConnectionManager> _online = new();

    public CountingTimeProvider Time { get; } = new(DateTimeOffset.UnixEpoch.AddDays(20_000));

    public ConcurrentQueue<(DeviceId From, DeviceId To, DateTimeOffset At)> Dials { get; } = new();

    public void Online(DeviceId device, ConnectionManager manager) => _online[device] = manager;

    public void Offline(DeviceId device) => _online.TryRemove(device, out _);

    public ConnectionManager Manager(TestPeer peer, ulong seed, params TestPeer[] known)
    {
        var options = LinkOptions.Create(Time, new Crypto.SeededRandomSource(seed));
        return new ConnectionManager(peer.Keys, Peers.Knows(known), new Dialer(this, peer, options), options);
    }

    public static PeerAddress AddressOf(TestPeer peer) => new(peer.Id, peer.PublicKey, LinkKind.Onion, "pipe", 1);

    private sealed class Dialer(PipeNetwork network, TestPeer self, LinkOptions options) : ILinkDialer
    {
        public async Task<Result<PeerLink>> DialAsync(PeerAddress address, CancellationToken cancellationToken)
        {
            network.Dials.Enqueue((self.Id, address.Peer, network.Time.GetUtcNow()));
            if (!network._online.TryGetValue(address.Peer, out ConnectionManager? target))
            {
                return TransportErrors.ConnectFailed;
            }

            var (a, b) = DuplexStream.CreatePair();
            _ = target.AcceptInboundAsync(b, LinkKind.Onion);
            return await LinkHandshake.DialAsync(a, LinkKind.Onion, self.Keys, address.Peer, address.StaticPublicKey, options, cancellationToken);
        }
    }
}
