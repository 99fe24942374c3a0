using Kith.Primitives.Ids;
using Kith.Transport.Connections;

namespace Kith.Node.DeviceLinking;

/// <summary>
/// The new device's listener rule while a link code is live (docs/ACCOUNTS.md, "Linking a device"): besides known
/// peers it admits ONE unknown static key at a time, the candidate that may send the first linking message. A newer
/// caller replaces a candidate that has not proved the code's secret yet (so a stranger holding a connection open
/// cannot lock the person out, as with <c>PendingHandshakes</c>); once a request under the secret arrives, the
/// session is bound to that link and every further caller is refused. No code live: nobody unknown is admitted.
/// </summary>
internal sealed class LinkGate
{
    private readonly Lock _gate = new();
    private ConnectionManager? _manager;
    private bool _open;
    private byte[]? _candidate;
    private byte[]? _claimed;

    /// <summary>The manager whose candidate link is closed when a newer caller replaces it.</summary>
    public void Attach(ConnectionManager manager) => _manager = manager;

    /// <summary>
    /// The transport's fallback authoriser: the link peer id of <paramref name="remoteStatic"/> if it may be the
    /// candidate, else null. The id is derived from the static key (the caller's device id is learnt only from its
    /// request), so the link cannot be mistaken for any known device's.
    /// </summary>
    public DeviceId? Admit(ReadOnlySpan<byte> remoteStatic)
    {
        byte[]? replaced = null;
        lock (_gate)
        {
            // Once claimed, nobody else is admitted, not even the caller's own device again: its messenger dials
            // with the same static key as soon as it published the new member, and a second link under the same
            // peer id would replace the linking one (one link per peer).
            if (!_open || _claimed is not null)
            {
                return null;
            }

            if (_claimed is null && _candidate is not null && !remoteStatic.SequenceEqual(_candidate))
            {
                replaced = _candidate;
            }

            _candidate = remoteStatic.ToArray();
        }

        if (replaced is not null)
        {
            _manager?.LinkTo(PeerOf(replaced))?.Close(LinkSessionErrors.Replaced);
        }

        return PeerOf(remoteStatic);
    }

    /// <summary>A code is live: admit a candidate.</summary>
    public void Open()
    {
        lock (_gate)
        {
            (_open, _candidate, _claimed) = (true, null, null);
        }
    }

    /// <summary>The request from <paramref name="peer"/> proved the code's secret: only it stays admitted.</summary>
    public bool Claim(DeviceId peer)
    {
        lock (_gate)
        {
            if (_candidate is null || PeerOf(_candidate) != peer)
            {
                return false;
            }

            _claimed = _candidate;
            return true;
        }
    }

    /// <summary>Whether <paramref name="peer"/> is the candidate or the claimed caller.</summary>
    public bool IsCurrent(DeviceId peer)
    {
        lock (_gate)
        {
            byte[]? current = _claimed ?? _candidate;
            return _open && current is not null && PeerOf(current) == peer;
        }
    }

    /// <summary>The code is spent, expired or replaced: admit nobody unknown any more.</summary>
    public void Close()
    {
        lock (_gate)
        {
            (_open, _candidate, _claimed) = (false, null, null);
        }
    }

    /// <summary>The link peer id a caller with <paramref name="staticKey"/> gets.</summary>
    public static DeviceId PeerOf(ReadOnlySpan<byte> staticKey) => DeviceId.FromBytes(staticKey);

    /// <summary>Whether a code is live; never a key.</summary>
    public override string ToString() => $"LinkGate({(_open ? "open" : "closed")})";
}
