using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Protocol.Messaging;

public sealed partial class ConversationReplica
{
    /// <summary>
    /// Finishes events that joined <see cref="Log"/> through a <c>SyncSession</c> (which adds to the log itself):
    /// stores them and reads them exactly as <see cref="Receive"/> does, so an event learned by sync is decrypted,
    /// stored and shown like a delivered one (README, decision 3: any member device relays).
    /// </summary>
    /// <param name="accepted">The session step's accepted ids, in the order they joined the log.</param>
    /// <returns>What changed; an error only when a store cannot be read back.</returns>
    public Result<ReceiveResult> TakeSynced(IReadOnlyList<EventId> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var effects = new Effects();
        Result<Unit> processed = Process(accepted, effects, store: true);
        if (!processed.IsOk)
        {
            return processed.Error;
        }

        PlaceShown(effects);
        return effects.ToResult(duplicate: false);
    }
}
