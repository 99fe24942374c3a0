using Kith.Primitives.Ids;

namespace Kith.Engine.Links;

/// <summary>What an <see cref="IDeviceLinks"/> reports. Calls may come from any thread; the engine serialises them.</summary>
public interface IDeviceLinkObserver
{
    /// <summary>An authenticated link to <paramref name="device"/> is up.</summary>
    void Connected(DeviceId device);

    /// <summary>The link to <paramref name="device"/> is down.</summary>
    void Disconnected(DeviceId device);

    /// <summary><paramref name="device"/> sent <paramref name="frame"/> (untrusted bytes) over its link.</summary>
    void Received(DeviceId device, ReadOnlyMemory<byte> frame);
}
