using Kith.Api.Devices;
using Kith.Crypto;
using Kith.Node.Device;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Linking;
using Kith.Transport.Connections;
using Kith.Wire.Cards;
using Kith.Wire.Devices;
using Kith.Wire.Linking;

namespace Kith.Node.DeviceLinking;

/// <summary>
/// The new device's link session over Kith.Transport (docs/ACCOUNTS.md, "Linking a device"): drives
/// <see cref="NewDeviceLinking"/> with the frames of the one caller <see cref="LinkGate"/> admits, shows the
/// confirmation code, co-signs the add-device entry only after its person confirmed the same digits (a proposal
/// that arrives first waits), and then adopts the copies (<see cref="AccountAdoption"/>). Frames arrive on the
/// link's task; everything here runs under one lock, and the node's messenger starts after the adoption committed.
/// </summary>
internal sealed class NewDeviceSession : IDisposable
{
    private readonly Lock _lock = new();
    private readonly LocalDevice _device;
    private readonly NewDeviceLinking _linking;
    private readonly LinkGate _gate;
    private readonly ConnectionManager _manager;
    private readonly TimeProvider _time;
    private readonly IRandomSource _random;
    private readonly Action _adopted;
    private readonly string _qr;
    private DeviceId? _caller;
    private DeviceId _existing;
    private string? _expected;
    private bool _confirmed;
    private LinkProposal? _proposal;
    private AccountAdoption? _adoption;
    private bool _linked;
    private KithError? _problem;

    private NewDeviceSession(LocalDevice device, NewDeviceLinking linking, LinkGate gate, ConnectionManager manager, TimeProvider time,
        IRandomSource random, Action adopted)
    {
        (_device, _linking, _gate, _manager, _time, _random, _adopted) = (device, linking, gate, manager, time, random, adopted);
        _qr = QrCodes.ToTerminalText(linking.Code.ToQrPayload());
        gate.Open();
    }

    /// <summary>Shows a fresh code and admits one caller; <paramref name="adopted"/> runs once the account is adopted.</summary>
    public static NewDeviceSession Start(LocalDevice device, IReadOnlyList<DeviceTransport> transports, DeviceTransport? direct,
        LinkGate gate, ConnectionManager manager, TimeProvider time, IRandomSource random, Action adopted)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(time);
        NewDeviceLinking linking = NewDeviceLinking.Start(device.Keys, transports, time.GetUtcNow().ToUnixTimeMilliseconds(), random, direct);
        return new NewDeviceSession(device, linking, gate, manager, time, random, adopted);
    }

    /// <summary>Whether the session still runs (not linked, not failed, not expired before the co-signature).</summary>
    public bool IsLive
    {
        get
        {
            lock (_lock)
            {
                ExpireIfDue();
                return !_linked && _problem is null;
            }
        }
    }

    /// <summary>Where the session stands, for the API.</summary>
    public LinkDeviceProgress Progress()
    {
        lock (_lock)
        {
            ExpireIfDue();
            LinkState state = _linked ? LinkState.Linked : _problem is not null ? LinkState.Failed
                : _linking.ConfirmationCode is not null && !_confirmed ? LinkState.Confirming : LinkState.Waiting;
            string? code = _caller is null && _problem is null ? _linking.Code.ToText() : null;
            return new LinkDeviceProgress(code, state, _problem?.Detail, _linking.ConfirmationCode, _confirmed, code is null ? null : _qr);
        }
    }

    /// <summary>
    /// The person typed the digits shown on the other device: equal to this side's confirmation code, the link goes
    /// on; different, it stops and nothing changes. Digits given before both sides know the code are compared then.
    /// </summary>
    public Result<LinkDeviceProgress> Confirm(string digits)
    {
        if (!LinkDigits.IsWellFormed(digits))
        {
            return LinkSessionErrors.BadDigits;
        }

        lock (_lock)
        {
            ExpireIfDue();
            if (_problem is not null || _linked)
            {
                return _problem ?? (Result<LinkDeviceProgress>)Progress();
            }

            _expected = digits;
            if (_linking.ConfirmationCode is not null && CheckDigits() is { } differ)
            {
                return differ;
            }
        }

        return Progress();
    }

    /// <summary>A frame from a link the gate admitted.</summary>
    public void OnFrame(DeviceId from, byte[] frame)
    {
        Action? after = null;
        lock (_lock)
        {
            if (_problem is not null || _linked || !_gate.IsCurrent(from) || (_caller is { } caller && caller != from))
            {
                return;
            }

            KithError? failure = Handle(from, frame, ref after);
            if (failure is not null)
            {
                Fail(failure);
            }
        }

        after?.Invoke();
    }

    /// <summary>The caller's link closed: a session that did not finish fails (the code is spent once claimed).</summary>
    public void OnDisconnected(DeviceId peer)
    {
        lock (_lock)
        {
            if (_caller == peer && !_linked && _problem is null)
            {
                // After the co-signature the account may list this device already: the person links again to get the copies.
                Fail(_adoption is null ? LinkSessionErrors.Dropped : LinkSessionErrors.CopyInterrupted);
            }
        }
    }

    /// <summary>Stops admitting callers and zeroes the code's secret.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (!_linked && _problem is null)
            {
                Fail(LinkSessionErrors.Replaced);
            }

            _linking.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"NewDeviceSession({_linking})";

    private KithError? Handle(DeviceId from, byte[] frame, ref Action? after)
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_caller is null && LinkMessages.TypeOf(frame) != LinkMessageType.Request)
        {
            // Before a request proved the code's secret, a caller that says anything else is hung up on and the code
            // stays usable: e.g. an own device's messenger dialling this device, which the account lists already
            // because an earlier link dropped before its copies arrived (same static key as the linking caller).
            _manager.LinkTo(from)?.Close(LinkErrors.OutOfOrder);
            return null;
        }

        switch (LinkMessages.TypeOf(frame))
        {
            case LinkMessageType.Request when _caller is null:
                if (!LinkRequest.Decode(frame).TryGet(out LinkRequest? request, out KithError? error)
                    || !_linking.Receive(request, now, _random).TryGet(out LinkResponse? response, out error))
                {
                    // A caller without the code's secret is hung up on; the code stays usable (or has expired).
                    _manager.LinkTo(from)?.Close(error);
                    return error == LinkErrors.Expired ? error : null;
                }

                (_caller, _existing) = (from, request.Existing);
                _gate.Claim(from);
                Send(from, response.ToBytes());
                return null;
            case LinkMessageType.Reveal:
                return !LinkReveal.Decode(frame).TryGet(out LinkReveal? reveal, out error) || !_linking.Receive(reveal).TryGet(out _, out error)
                    ? error
                    : _expected is null ? null : CheckDigits();
            case LinkMessageType.Proposal:
                if (!LinkProposal.Decode(frame).TryGet(out LinkProposal? proposal, out error))
                {
                    return error;
                }

                _proposal = proposal;
                return _confirmed ? Accept() : null;
            case LinkMessageType.AccountCopy or LinkMessageType.HistoryCopy when _adoption is not null:
                return _adoption.Add(LinkMessages.TypeOf(frame)!.Value, frame).TryGet(out _, out error) ? null : error;
            case LinkMessageType.CopyDone when _adoption is not null:
                if (!LinkCopyDone.Decode(frame).TryGet(out LinkCopyDone? done, out error) || !_adoption.Finish(done).TryGet(out _, out error))
                {
                    return error;
                }

                _linked = true;
                _gate.Close();
                Send(from, done.ToBytes());
                after = _adopted;
                return null;
            default:
                return LinkErrors.OutOfOrder;
        }
    }

    private KithError? CheckDigits()
    {
        if (!LinkDigits.Same(_expected!, _linking.ConfirmationCode!))
        {
            Fail(LinkSessionErrors.DigitsDiffer);
            return LinkSessionErrors.DigitsDiffer;
        }

        _confirmed = _linking.Confirm().IsOk;
        return _proposal is null ? null : Accept();
    }

    private KithError? Accept()
    {
        if (!_linking.Receive(_proposal!).TryGet(out LinkAcceptance? acceptance, out KithError? error))
        {
            return error;
        }

        _adoption = new AccountAdoption(_device, _linking.Account!.Value, _existing);
        Send(_caller!.Value, acceptance.ToBytes());
        return null;
    }

    private void ExpireIfDue()
    {
        // Before the co-signature the code's expiry ends the session; after it, the copies may take longer.
        if (_adoption is null && !_linked && _problem is null && _time.GetUtcNow().ToUnixTimeMilliseconds() >= _linking.Code.ExpiresAtUnixMs)
        {
            Fail(LinkErrors.Expired);
        }
    }

    private void Fail(KithError problem)
    {
        _problem = problem;
        _gate.Close();
        if (_caller is { } caller)
        {
            _manager.LinkTo(caller)?.Close(problem);
        }
    }

    private void Send(DeviceId to, byte[] frame) => _ = _manager.SendAsync(to, frame).AsTask();
}
