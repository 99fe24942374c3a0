using Kith.Primitives.Ids;

namespace Kith.Engine.Links;

/// <summary>
/// The engine's view of links to other devices (docs/ARCHITECTURE.md: "the engine's view of links is its own
/// interface, which the node adapts to the transport"). Every link is already authenticated (Noise handshake)
/// when it is reported connected, so the <see cref="DeviceId"/> a frame comes from is the device that sent it.
/// </summary>
public interface IDeviceLinks
{
    /// <summary>
    /// Queues <paramref name="frame"/> (an encoded <c>LinkFrame</c>) on the link to <paramref name="device"/>
    /// without blocking; <c>false</c> when no link is up. A queued frame may still be lost: the outbox resends.
    /// An adapter may take a send to an unconnected device as a hint to dial it. Called from any thread, and
    /// with the engine's lock held: it must neither block nor call back into the engine synchronously.
    /// </summary>
    bool Send(DeviceId device, ReadOnlyMemory<byte> frame);

    /// <summary>Starts reporting link events to <paramref name="observer"/> (one observer: the engine).</summary>
    void Subscribe(IDeviceLinkObserver observer);
}
