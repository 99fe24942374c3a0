namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Largest application frame on a peer link. The largest thing the engine sends in one frame is a sync batch
    /// (<see cref="MaxSyncBatchBytes"/>); 64 KiB on top leaves room for its envelope. A frame spans several Noise
    /// messages, and a peer announcing more is dropped before the excess is buffered.
    /// </summary>
    public const int LinkMaxFrameLength = MaxSyncBatchBytes + (64 * 1024);

    /// <summary>
    /// Longest Noise handshake message a link accepts. Kith's XX handshake (link v2) carries a 97-byte identity
    /// payload in messages 2 and 3, so its messages are 32, 193 and 161 bytes; 256 fits them while an
    /// unauthenticated stranger can make the listener buffer no more than this.
    /// </summary>
    public const int LinkHandshakeMessageMaxLength = 256;

    /// <summary>
    /// Time a link has to finish its handshake. Over an onion service the three messages cross a six-hop
    /// rendezvous circuit twice (a few seconds on a slow network); 30 s is generous for that while a half-open or
    /// silent connection holds its slot for a bounded time.
    /// </summary>
    public const long LinkHandshakeTimeoutMs = 30_000;

    /// <summary>
    /// A link on which nothing arrives for this long is closed: a TCP connection (or tor circuit) that died without
    /// an error would otherwise hold its memory forever. Live peers send keepalives
    /// (<see cref="LinkKeepaliveIntervalMs"/>), so only dead or misbehaving links reach it.
    /// </summary>
    public const long LinkIdleTimeoutMs = 5 * 60 * 1000;

    /// <summary>
    /// A link sends a keepalive (an empty chunk, see the transport README) this often, so a quiet but live link is
    /// not taken for a dead one: a third of <see cref="LinkIdleTimeoutMs"/> lets two keepalives be lost or late
    /// before the peer gives up. Over tor that is a 19-byte message every 100 s.
    /// </summary>
    public const long LinkKeepaliveIntervalMs = LinkIdleTimeoutMs / 3;

    /// <summary>
    /// Frames waiting to be written on one link. With <see cref="LinkMaxFrameLength"/> this bounds a link's send
    /// memory to about 4.3 MiB when the peer stops reading; a sender that finds the queue full waits.
    /// </summary>
    public const int LinkSendQueueFrames = 4;

    /// <summary>
    /// Inbound connections still in their handshake at once (unauthenticated: anyone who knows the onion address
    /// can open one). When full, the oldest is dropped to admit the newest, so a flood of half-open connections
    /// cannot lock honest peers out; memory stays at this many handshake buffers.
    /// </summary>
    public const int LinkMaxPendingHandshakes = 32;

    /// <summary>
    /// Live links per peer device. One suffices for a duplex conversation; when both devices dial at once the
    /// extra link is closed by a rule both sides compute the same way.
    /// </summary>
    public const int LinkMaxPerPeer = 1;

    /// <summary>
    /// Authenticated links one peer may open within <see cref="LinkPeerRateWindowMs"/>. An honest peer reconnects
    /// with backoff (a handful a minute at worst); a peer that reconnects faster is refused so it cannot make this
    /// node redo handshakes and arbitration in a loop.
    /// </summary>
    public const int LinkPeerConnectionsPerWindow = 10;

    /// <summary>The window of <see cref="LinkPeerConnectionsPerWindow"/>.</summary>
    public const long LinkPeerRateWindowMs = 60_000;

    /// <summary>
    /// First reconnection delay. Short, because the common failure is a peer that was briefly unreachable.
    /// </summary>
    public const long LinkBackoffBaseMs = 1_000;

    /// <summary>
    /// Longest reconnection delay. Delivery never gives up, so a peer offline for days is still tried every
    /// 10 minutes: a message waits at most about that long after the peer comes back.
    /// </summary>
    public const long LinkBackoffMaxMs = 10 * 60 * 1000;

    /// <summary>
    /// A link that lived this long counts as a success and resets the backoff. Shorter links (a peer that accepts
    /// and drops at once) keep the delay growing so they cannot cause a reconnect storm.
    /// </summary>
    public const long LinkStableAfterMs = 60_000;
}
