using Kith.Engine.Links;
using Kith.Primitives.Ids;

namespace Kith.Engine.Messaging;

/// <summary>
/// Sits between the links and the engine so the messenger learns when the engine finished handling a frame: a
/// delivered event is applied inside the engine's step, and <see cref="Messenger.MessageShown"/> must wait for that
/// step's commit (a failed step raises the engine's fault first, which clears what was to be announced).
/// </summary>
internal sealed class NotifyingLinks(IDeviceLinks inner, Messenger messenger) : IDeviceLinks
{
    public bool Send(DeviceId device, ReadOnlyMemory<byte> frame) => inner.Send(device, frame);

    public void Subscribe(IDeviceLinkObserver observer) => inner.Subscribe(new Tap(observer, messenger));

    public override string ToString() => nameof(NotifyingLinks);

    private sealed class Tap(IDeviceLinkObserver engine, Messenger messenger) : IDeviceLinkObserver
    {
        public void Connected(DeviceId device) => engine.Connected(device);

        public void Disconnected(DeviceId device)
        {
            engine.Disconnected(device);
            messenger.OnDisconnected(device);
        }

        public void Received(DeviceId device, ReadOnlyMemory<byte> frame)
        {
            engine.Received(device, frame);
            messenger.AfterFrame();
        }

        public override string ToString() => nameof(Tap);
    }
}
