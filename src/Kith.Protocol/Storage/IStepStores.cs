using Kith.Protocol.Conversations;
using Kith.Protocol.Delivery;
using Kith.Protocol.Sessions;

namespace Kith.Protocol.Storage;

/// <summary>
/// The stores one step may use (docs/ARCHITECTURE.md, Engine: "one SQLite transaction per step (new state +
/// outbox), effects performed after commit"). Everything a step does through them commits together or not at
/// all, so a step's new protocol state and the outbox entries it sends are never out of step.
/// </summary>
/// <remarks>Valid only inside the step they were handed to.</remarks>
public interface IStepStores
{
    /// <summary>The outbox.</summary>
    IOutboxStore Outbox { get; }

    /// <summary>Serialised machine state (inbox records, counters, chains).</summary>
    IStateStore State { get; }

    /// <summary>Accepted conversation events.</summary>
    IEventStore Events { get; }

    /// <summary>Device sessions.</summary>
    ISessionStore Sessions { get; }

    /// <summary>Decrypted, shown messages with their display positions.</summary>
    IMessageStore Messages { get; }
}
