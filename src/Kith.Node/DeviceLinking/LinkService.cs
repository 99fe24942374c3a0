using Kith.Api.Devices;
using Kith.Primitives.Errors;
using Kith.Protocol.Linking;
using Kith.Transport.Connections;
using Kith.Wire.Devices;
using Kith.Wire.Linking;

namespace Kith.Node.DeviceLinking;

/// <summary>
/// <c>POST/GET /v1/devices/link</c> (issue 5, "kith devices link"): on a device waiting to be linked, shows a code and
/// confirms the digits (<see cref="NewDeviceSession"/>); on a device in an account, takes the new device's code and
/// confirms the digits (<see cref="ExistingDeviceSession"/>). One session at a time per node.
/// </summary>
internal sealed class LinkService : IDisposable
{
    private readonly Lock _lock = new();
    private readonly LinkContext _context;
    private readonly LinkGate _gate;
    private readonly ConnectionManager _manager;
    private readonly Func<IReadOnlyList<DeviceTransport>> _transports;
    private readonly Action _adopted;
    private readonly UsedLinkCodes _used = new();
    private NewDeviceSession? _new;
    private ExistingDeviceSession? _existing;

    /// <summary>Serves linking for the node; <paramref name="adopted"/> runs when this (new) device joined an account.</summary>
    public LinkService(LinkContext context, LinkGate gate, ConnectionManager manager, Func<IReadOnlyList<DeviceTransport>> transports, Action adopted)
    {
        (_context, _gate, _manager, _transports, _adopted) = (context, gate, manager, transports, adopted);
        manager.FrameReceived += (_, e) =>
        {
            // Only the caller the gate admitted speaks linking; every other frame is the messenger's.
            if (gate.IsCurrent(e.Peer))
            {
                Current()?.OnFrame(e.Peer, e.Frame.ToArray());
            }
        };
        manager.PeerDisconnected += (_, e) => Current()?.OnDisconnected(e.Peer);
    }

    /// <summary>Starts or confirms a link, as <paramref name="request"/> says.</summary>
    public Result<LinkDeviceProgress> Post(LinkDeviceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            if (!_context.Device.IsLinked)
            {
                if (request.Code is not null)
                {
                    return LinkSessionErrors.NotInAccount;
                }

                if (request.Confirm is { } digits)
                {
                    return _new is null ? LinkSessionErrors.NoLink : _new.Confirm(digits);
                }

                _new?.Dispose();
                _new = NewDeviceSession.Start(_context.Device, _transports(), _context.Direct ? _transports()[0] : null, _gate, _manager,
                    _context.Time, _context.Random, _adopted);
                return _new.Progress();
            }

            if (request.Code is null)
            {
                return request.Confirm is { } confirm && _existing is not null ? _existing.Confirm(confirm) : LinkSessionErrors.AlreadyInAccount;
            }

            if (!SameAsLive(request.Code))
            {
                _existing?.Dispose();
                _existing = null;
                if (!ExistingDeviceSession.Begin(request.Code, _context, _used).TryGet(out ExistingDeviceSession? started, out KithError? error))
                {
                    return error;
                }

                _existing = started;
            }

            return request.Confirm is { } typed ? _existing!.Confirm(typed) : _existing!.Progress();
        }
    }

    /// <summary>The current session's progress.</summary>
    public LinkDeviceProgress Progress()
    {
        lock (_lock)
        {
            return _new?.Progress() ?? _existing?.Progress() ?? new LinkDeviceProgress(null, LinkState.None, null);
        }
    }

    /// <summary>Stops any session.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _new?.Dispose();
            _existing?.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"LinkService({_gate})";

    private NewDeviceSession? Current()
    {
        lock (_lock)
        {
            return _new;
        }
    }

    private bool SameAsLive(string code)
    {
        if (_existing is not { IsLive: true } live)
        {
            return false;
        }

        using LinkCode? parsed = LinkCode.TryParse(code);
        return parsed is not null && parsed.Digest().AsSpan().SequenceEqual(live.CodeDigest);
    }
}
