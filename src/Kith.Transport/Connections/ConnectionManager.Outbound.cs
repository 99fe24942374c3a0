using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Transport.Dialing;
using Kith.Transport.Links;

namespace Kith.Transport.Connections;

/// <summary>Outbound: one maintenance loop per wanted peer, dialling with <see cref="ReconnectBackoff"/>.</summary>
public sealed partial class ConnectionManager
{
    /// <summary>Failures past this many all wait the capped delay; counting further only risks overflow.</summary>
    private const int MaxCountedFailures = 64;

    private readonly Dictionary<DeviceId, Wanted> _wanted = [];

    /// <summary>
    /// Keeps a link to <paramref name="address"/>'s peer: dials now if there is none, and again with backoff whenever
    /// it is lost, until <see cref="Forget"/>. Calling again for the same peer only updates its address.
    /// </summary>
    public void KeepConnected(PeerAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_wanted.TryGetValue(address.Peer, out Wanted? wanted))
            {
                wanted.Address = address;
                return;
            }

            wanted = new Wanted(address, CancellationTokenSource.CreateLinkedTokenSource(_stop.Token));
            _wanted[address.Peer] = wanted;
            Track(MaintainAsync(wanted));
        }
    }

    /// <summary>Stops keeping a link to <paramref name="peer"/> and closes the one it has (e.g. a revoked device).</summary>
    public void Forget(DeviceId peer)
    {
        PeerLink? link;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_wanted.Remove(peer, out Wanted? wanted))
            {
                wanted.Stop.Cancel();
            }

            link = _links.GetValueOrDefault(peer);
        }

        link?.Close(TransportErrors.LocalClose);
    }

    /// <summary>The error of the last failed dial to <paramref name="peer"/>, for status displays; null if none.</summary>
    public KithError? LastDialError(DeviceId peer)
    {
        lock (_gate)
        {
            return _wanted.TryGetValue(peer, out Wanted? wanted) ? wanted.LastError : null;
        }
    }

    private async Task MaintainAsync(Wanted wanted)
    {
        await Task.Yield();
        CancellationToken stop = wanted.Stop.Token;
        int failures = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                PeerLink? link = LinkTo(wanted.Peer);
                if (link is null)
                {
                    Result<PeerLink> dialled = await _dialer.DialAsync(wanted.Address, stop).ConfigureAwait(false);
                    lock (_gate)
                    {
                        wanted.LastError = dialled.Error;
                    }

                    link = dialled.IsOk && Register(dialled.Value) ? dialled.Value : LinkTo(wanted.Peer);
                }

                if (link is not null)
                {
                    await link.Completion.WaitAsync(stop).ConfigureAwait(false);
                    if (LinkTo(wanted.Peer) is not null)
                    {
                        continue; // replaced by a newer link, not lost
                    }

                    if (_options.Time.GetUtcNow() - link.EstablishedAt >= TimeSpan.FromMilliseconds(Limits.LinkStableAfterMs))
                    {
                        failures = 0;
                    }
                }

                long delay = ReconnectBackoff.DelayMs(failures, _options.Random);
                failures = Math.Min(failures + 1, MaxCountedFailures);
                await Task.Delay(TimeSpan.FromMilliseconds(delay), _options.Time, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Forgotten or shutting down.
        }
        finally
        {
            wanted.Stop.Dispose();
        }
    }

    /// <summary>A peer this device keeps a link to, and its maintenance loop's state.</summary>
    private sealed class Wanted(PeerAddress address, CancellationTokenSource stop)
    {
        public PeerAddress Address { get; set; } = address;

        public DeviceId Peer => Address.Peer;

        public CancellationTokenSource Stop { get; } = stop;

        public KithError? LastError { get; set; }
    }
}
