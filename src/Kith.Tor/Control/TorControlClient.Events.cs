using Kith.Primitives.Errors;

namespace Kith.Tor.Control;

public sealed partial class TorControlClient
{
    /// <summary>
    /// Subscribes to the events named (control-spec §3.4 <c>SETEVENTS</c>, §4.1 event names). Tor keeps one event set
    /// per connection, so the client sends the union of all live subscriptions whenever it changes.
    /// </summary>
    public async Task<Result<ControlEventSubscription>> SubscribeAsync(IEnumerable<string> eventNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventNames);
        var names = new HashSet<string>(eventNames, StringComparer.Ordinal);
        if (names.Count == 0 || names.Any(n => n.Length == 0 || !n.All(c => c is (>= 'A' and <= 'Z') or '_')))
        {
            throw new ArgumentException("Event names are upper-case words such as HS_DESC.", nameof(eventNames));
        }

        var subscription = new ControlEventSubscription(names, UnsubscribeAsync);
        await _eventsLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                if (_closeReason is not null)
                {
                    return _closeReason;
                }

                _subscriptions.Add(subscription);
            }

            var set = await SetEventsAsync(cancellationToken).ConfigureAwait(false);
            if (!set.IsOk)
            {
                lock (_gate)
                {
                    _subscriptions.Remove(subscription);
                }

                subscription.End(set.Error);
                return set.Error;
            }

            return subscription;
        }
        finally
        {
            _eventsLock.Release();
        }
    }

    private ValueTask UnsubscribeAsync(ControlEventSubscription subscription)
    {
        bool removed;
        lock (_gate)
        {
            removed = _subscriptions.Remove(subscription);
        }

        // Not awaited: narrowing the event set is best effort, and a dispose must not wait on tor's answer.
        if (removed)
        {
            _ = NarrowEventsAsync();
        }

        return ValueTask.CompletedTask;
    }

    private async Task NarrowEventsAsync()
    {
        await _eventsLock.WaitAsync().ConfigureAwait(false);
        try
        {
            // If the connection is gone, tor has forgotten the events anyway.
            _ = await SetEventsAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _eventsLock.Release();
        }
    }

    private Task<Result<ControlReply>> SetEventsAsync(CancellationToken cancellationToken)
    {
        string[] union;
        lock (_gate)
        {
            union = [.. _subscriptions.SelectMany(s => s.EventNames).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        return CommandAsync(union.Length == 0 ? "SETEVENTS" : "SETEVENTS " + string.Join(' ', union), "SETEVENTS", cancellationToken);
    }
}
