using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Simulation.Replicas;

/// <summary>
/// One device's replica of the shared conversation, as the simulator drives it. Small on purpose, so the full
/// conversation replica can be plugged in later behind the same calls. Sync messages are opaque bytes: the
/// replica encodes and decodes them, the network only carries them.
/// </summary>
/// <remarks>
/// Between <see cref="Crash"/> and <see cref="Restart"/> the simulator calls nothing else. Every call that
/// changes durable state commits before it returns, so whatever it returns (an event id, messages to send) is
/// an effect after commit.
/// </remarks>
internal interface ISimReplica : IDisposable
{
    /// <summary>The device this replica runs on.</summary>
    DeviceId Device { get; }

    /// <summary>Writes a message as a new event (encrypted with the device's sender chain, signed), commits it, returns its id.</summary>
    ConversationEvent Send(string text, long nowUnixMs);

    /// <summary>Starts a new sync session towards <paramref name="peer"/>, replacing any previous one; returns its opening messages.</summary>
    IReadOnlyList<byte[]> Connect(DeviceId peer);

    /// <summary>Handles one sync message from <paramref name="peer"/> in the current session with it; returns the replies.</summary>
    IReadOnlyList<byte[]> Deliver(DeviceId peer, byte[] message, long nowUnixMs);

    /// <summary>Loses every piece of in-memory state and closes the store, as a killed process would.</summary>
    void Crash();

    /// <summary>Rebuilds from the device's store alone after <see cref="Crash"/>.</summary>
    void Restart();

    /// <summary>The display order of the accepted events.</summary>
    IReadOnlyList<EventId> Order();

    /// <summary>The accepted events' ids.</summary>
    IReadOnlySet<EventId> EventIds();

    /// <summary>Events waiting for parents.</summary>
    int PendingCount { get; }

    /// <summary>Every event in the device's store, read back from disk, in the order it was stored.</summary>
    IReadOnlyList<ConversationEvent> StoredEvents();
}
