using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Protocol.Sync;

/// <summary>
/// A received <see cref="SyncEvents"/> batch with every event decoded and its signature checked
/// (<see cref="VerifiedEvent"/>), ready for <see cref="SyncSession.ReceiveChecked"/>.
/// </summary>
/// <remarks>
/// Issue 4 (sync of 100,000 events): Ed25519 verification is most of a batch's CPU time and depends on nothing
/// but the event, so the caller runs it on several cores; the session then feeds the log in batch order on one
/// thread. This type stays sans-IO: it starts no threads, the caller's <c>forEach</c> schedules the work. An event
/// whose check failed or never ran goes to the log unverified, which checks (and refuses) it as usual.
/// </remarks>
public sealed class CheckedSyncEvents
{
    private readonly Item[] _items;

    private CheckedSyncEvents(SyncEvents message, Item[] items)
    {
        Message = message;
        _items = items;
    }

    /// <summary>The batch as received.</summary>
    public SyncEvents Message { get; }

    /// <summary>The conversation the batch names.</summary>
    public ConversationId Conversation => Message.Conversation;

    /// <summary>Number of events in the batch.</summary>
    public int Count => _items.Length;

    /// <summary>Decodes and verifies <paramref name="batch"/> on the calling thread.</summary>
    public static CheckedSyncEvents Check(SyncEvents batch) =>
        Check(batch, static (count, body) =>
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }
        });

    /// <summary>
    /// Decodes and verifies <paramref name="batch"/>, the events' work scheduled by <paramref name="forEach"/>:
    /// it is given the event count and a thread-safe body to run once for each index in [0, count), in any order
    /// and concurrently (say, <c>Parallel.For</c>), and returns when all have run. Indices it skips are decoded
    /// here and left unverified.
    /// </summary>
    public static CheckedSyncEvents Check(SyncEvents batch, Action<int, Action<int>> forEach)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(forEach);
        var items = new Item[batch.Events.Count];
        forEach(items.Length, i => items[i] = Item.Of(batch.Events[i], verify: true));
        for (int i = 0; i < items.Length; i++)
        {
            if (!items[i].Done)
            {
                items[i] = Item.Of(batch.Events[i], verify: false);
            }
        }

        return new CheckedSyncEvents(batch, items);
    }

    /// <summary>Names the batch only.</summary>
    public override string ToString() => $"CheckedSyncEvents({_items.Length} events)";

    /// <summary>The decoded event at <paramref name="index"/> (or why it did not decode), and its proof of signature if it verified.</summary>
    internal Result<ConversationEvent> Decoded(int index, out VerifiedEvent? verified)
    {
        Item item = _items[index];
        verified = item.Verified;
        return item.Event is { } decoded ? decoded : Result<ConversationEvent>.Fail(item.DecodeError!);
    }

    private readonly record struct Item(ConversationEvent? Event, KithError? DecodeError, VerifiedEvent? Verified)
    {
        public bool Done => Event is not null || DecodeError is not null;

        public static Item Of(byte[] encoding, bool verify)
        {
            if (!ConversationEvent.Decode(encoding).TryGet(out ConversationEvent? decoded, out KithError? error))
            {
                return new Item(null, error, null);
            }

            VerifiedEvent? verified = verify && VerifiedEvent.Verify(decoded).TryGet(out VerifiedEvent? ok, out _) ? ok : null;
            return new Item(decoded, null, verified);
        }
    }
}
