using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Transport.Links;

namespace Kith.Transport.Connections;

/// <summary>A peer has a new live link (first, or a replacement of the previous one).</summary>
/// <param name="peer">The authenticated peer device.</param>
/// <param name="link">The link now used for it.</param>
public sealed class PeerConnectedEventArgs(DeviceId peer, PeerLink link) : EventArgs
{
    /// <summary>The authenticated peer device.</summary>
    public DeviceId Peer { get; } = peer;

    /// <summary>The link now used for it.</summary>
    public PeerLink Link { get; } = link;

    /// <summary>The link's description; never a key.</summary>
    public override string ToString() => $"PeerConnected({Link})";
}

/// <summary>A peer's last live link closed.</summary>
/// <param name="peer">The peer device.</param>
/// <param name="reason">Why the link closed.</param>
public sealed class PeerDisconnectedEventArgs(DeviceId peer, KithError reason) : EventArgs
{
    /// <summary>The peer device.</summary>
    public DeviceId Peer { get; } = peer;

    /// <summary>Why the link closed.</summary>
    public KithError Reason { get; } = reason;
}

/// <summary>A whole frame arrived from an authenticated peer.</summary>
/// <param name="peer">The sender device (authenticated by the link's handshake).</param>
/// <param name="frame">The frame's bytes.</param>
public sealed class FrameReceivedEventArgs(DeviceId peer, ReadOnlyMemory<byte> frame) : EventArgs
{
    /// <summary>The sender device (authenticated by the link's handshake).</summary>
    public DeviceId Peer { get; } = peer;

    /// <summary>The frame's bytes.</summary>
    public ReadOnlyMemory<byte> Frame { get; } = frame;
}
