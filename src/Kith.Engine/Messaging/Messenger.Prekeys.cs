using Kith.Primitives.Errors;
using Kith.Protocol.Prekeys;
using Kith.Protocol.Storage;

namespace Kith.Engine.Messaging;

public sealed partial class Messenger
{
    /// <summary>What this messenger last wrote of the used one-time prekeys; null when unknown (start, or after a failed step).</summary>
    private ConsumedPrekeys? _consumedWritten;

    /// <summary>
    /// On start: deletes again the one-time prekeys used before a restart (<see cref="ConsumedPrekeys"/>), since the
    /// device's key blob still holds them. Unreadable state keeps the keys as loaded (a store fault, not peer input).
    /// </summary>
    private void RestoreConsumedPrekeys(IStateStore state)
    {
        if (state.Read(ConsumedPrekeys.StateKind, Local.Span).TryGet(out byte[]? bytes, out _) && bytes is not null
            && ConsumedPrekeys.Decode(bytes).TryGet(out ConsumedPrekeys? consumed, out KithError? _))
        {
            consumed.ApplyTo(_keys.Prekeys);
        }

        _consumedWritten = null;
    }

    /// <summary>
    /// PQXDH §3.4: a session that used a one-time prekey deleted it in memory; the deletion is written in the same
    /// step as that session, so a restart cannot bring the key back for a replayed initial message.
    /// </summary>
    private void PersistConsumedPrekeys(IStateStore state)
    {
        ConsumedPrekeys now = ConsumedPrekeys.Of(_keys.Prekeys);
        if (_consumedWritten is not null && now.SameAs(_consumedWritten))
        {
            return;
        }

        state.Write(ConsumedPrekeys.StateKind, Local.Span, now.Encode());
        _consumedWritten = now;
    }
}
