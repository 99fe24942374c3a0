using Kith.Primitives.Ids;

namespace Kith.Engine.Delivery;

/// <summary>
/// The application's conversation sync (issue 5: "Sync of the conversation logs runs whenever two member devices
/// connect"). The engine carries sync messages in <c>Sync</c> link frames and tells the application when to
/// start; the application runs <c>SyncSession</c>s in its own steps and sends with <see cref="DeliveryEngine.SendSync"/>.
/// </summary>
public interface ISyncHandler
{
    /// <summary><paramref name="device"/> connected: start sync sessions for the conversations it is a member of.</summary>
    void Connected(DeviceId device);

    /// <summary><paramref name="device"/> sent a sync message (untrusted bytes, not yet decoded).</summary>
    void Received(DeviceId device, ReadOnlyMemory<byte> message);

    /// <summary>
    /// <paramref name="device"/> sent several sync messages that arrived together (untrusted, in order). The engine
    /// hands over a device's consecutive sync messages this way so the application can take them in one step: one
    /// commit and its replies after it, the events' signatures verified on several cores beforehand
    /// (<c>CheckedSyncEvents</c>; issue 4). The default handles them one by one.
    /// </summary>
    void ReceivedTogether(DeviceId device, IReadOnlyList<ReadOnlyMemory<byte>> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (ReadOnlyMemory<byte> message in messages)
        {
            Received(device, message);
        }
    }
}
