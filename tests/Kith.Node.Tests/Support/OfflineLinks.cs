using Kith.Engine.Links;
using Kith.Primitives.Ids;

namespace Kith.Node.Tests.Support;

/// <summary>Links on which no peer is ever connected: every message stays queued, which the endpoints must show.</summary>
internal sealed class OfflineLinks : IDeviceLinks
{
    public bool Send(DeviceId device, ReadOnlyMemory<byte> frame) => false;

    public void Subscribe(IDeviceLinkObserver observer)
    {
    }
}

/// <summary>A clock that stands still, so a test's timestamps are known.</summary>
internal sealed class StoppedClock(long unixMs) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
