using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Protocol.Delivery;

/// <summary>
/// An <see cref="IOutboxStore"/> in a dictionary, for tests and simulations. Not durable. Thread-safe by a
/// single lock. Listings scan every entry, which is fine at simulation sizes.
/// </summary>
public sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly Dictionary<(EventId Item, DeviceId Recipient), (long Seq, OutboxEntry Entry)> _entries = [];
    private readonly Lock _lock = new();
    private long _nextSeq;

    /// <inheritdoc/>
    public bool Add(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            return _entries.TryAdd((entry.Item, entry.Recipient), (_nextSeq++, Copy(entry)));
        }
    }

    /// <inheritdoc/>
    public void Update(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (!_entries.TryGetValue((entry.Item, entry.Recipient), out var stored))
            {
                throw new InvalidOperationException("Only a stored outbox entry can be updated.");
            }

            _entries[(entry.Item, entry.Recipient)] = (stored.Seq, Copy(entry));
        }
    }

    /// <inheritdoc/>
    public Result<OutboxEntry?> Find(EventId item, DeviceId recipient)
    {
        lock (_lock)
        {
            return _entries.TryGetValue((item, recipient), out var stored) ? Copy(stored.Entry) : Result<OutboxEntry?>.Ok(null);
        }
    }

    /// <inheritdoc/>
    public Result<IReadOnlyList<OutboxEntry>> ForItem(EventId item) => List(e => e.Item == item, int.MaxValue, byTime: false);

    /// <inheritdoc/>
    public Result<IReadOnlyList<OutboxEntry>> Due(long nowUnixMs, int max) =>
        List(e => e.IsPending && e.NextAttemptUnixMs <= nowUnixMs, max, byTime: true);

    /// <inheritdoc/>
    public Result<IReadOnlyList<OutboxEntry>> PendingFor(DeviceId recipient, int max) =>
        List(e => e.IsPending && e.Recipient == recipient, max, byTime: false);

    /// <inheritdoc/>
    public int Hasten(DeviceId recipient, long nowUnixMs)
    {
        lock (_lock)
        {
            var later = _entries.Where(pair => pair.Value.Entry.IsPending && pair.Value.Entry.Recipient == recipient
                && pair.Value.Entry.NextAttemptUnixMs > nowUnixMs).ToList();
            foreach (var (key, (seq, entry)) in later)
            {
                _entries[key] = (seq, entry with { NextAttemptUnixMs = nowUnixMs });
            }

            return later.Count;
        }
    }

    /// <inheritdoc/>
    public int WithdrawPending(DeviceId recipient)
    {
        lock (_lock)
        {
            var pending = _entries.Where(pair => pair.Value.Entry.IsPending && pair.Value.Entry.Recipient == recipient).Select(pair => pair.Key).ToList();
            foreach (var key in pending)
            {
                _ = _entries.Remove(key);
            }

            return pending.Count;
        }
    }

    /// <inheritdoc/>
    public long? NextAttemptUnixMs()
    {
        lock (_lock)
        {
            long? next = null;
            foreach (var (_, entry) in _entries.Values)
            {
                if (entry.IsPending && (next is null || entry.NextAttemptUnixMs < next))
                {
                    next = entry.NextAttemptUnixMs;
                }
            }

            return next;
        }
    }

    /// <inheritdoc/>
    public long PendingCount()
    {
        lock (_lock)
        {
            return _entries.Values.LongCount(stored => stored.Entry.IsPending);
        }
    }

    private Result<IReadOnlyList<OutboxEntry>> List(Func<OutboxEntry, bool> match, int max, bool byTime)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        lock (_lock)
        {
            var matching = _entries.Values.Where(stored => match(stored.Entry));
            var ordered = byTime
                ? matching.OrderBy(stored => stored.Entry.NextAttemptUnixMs).ThenBy(stored => stored.Seq)
                : matching.OrderBy(stored => stored.Seq);
            return ordered.Take(max).Select(stored => Copy(stored.Entry)).ToList();
        }
    }

    /// <summary>Copies the payload so neither the caller's buffer nor ours is shared.</summary>
    private static OutboxEntry Copy(OutboxEntry entry) => entry with { Payload = entry.Payload.ToArray() };
}
