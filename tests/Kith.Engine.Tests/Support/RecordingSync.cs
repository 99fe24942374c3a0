using Kith.Engine.Delivery;
using Kith.Primitives.Ids;

namespace Kith.Engine.Tests.Support;

public sealed class RecordingSync : ISyncHandler
{
    public List<DeviceId> Connections { get; } = [];

    public List<(DeviceId From, byte[] Message)> Messages { get; } = [];

    public void Connected(DeviceId device) => Connections.Add(device);

    public void Received(DeviceId device, ReadOnlyMemory<byte> message) => Messages.Add((device, message.ToArray()));
}
