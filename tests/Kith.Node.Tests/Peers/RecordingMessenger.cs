using System.Collections.Concurrent;
using Kith.Engine.Delivery;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Node.Tests.Peers;

/// <summary>Stands in the Messenger's slot in tests: records what the engine delivers and who connected.</summary>
internal sealed class RecordingMessenger : IInboundHandler, ISyncHandler
{
    public ConcurrentQueue<InboundItem> Applied { get; } = new();

    public ConcurrentQueue<DeviceId> Connections { get; } = new();

    public static MessengerFactory Factory(RecordingMessenger messenger) => (_, _, _) => new MessengerHandlers(messenger, messenger);

    public Result<Unit> Apply(InboundItem item, StepContext context)
    {
        Applied.Enqueue(item);
        return Result.Ok();
    }

    public void Connected(DeviceId device) => Connections.Enqueue(device);

    public void Received(DeviceId device, ReadOnlyMemory<byte> message)
    {
    }
}
