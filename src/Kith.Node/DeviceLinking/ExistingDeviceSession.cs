using Kith.Api.Devices;
using Kith.Node.Device;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Linking;
using Kith.Transport;
using Kith.Transport.Dialing;
using Kith.Transport.Links;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Kith.Wire.Linking;
using Kith.Wire.Onion;

namespace Kith.Node.DeviceLinking;

/// <summary>
/// The existing device's link session (docs/ACCOUNTS.md, "Linking a device"): dials the new device at the code's
/// address until it answers or the code expires (<see cref="LinkDialBackoff"/>), proving nothing until the responder
/// proved the code's static key (<c>LinkHandshake.DialAsync</c>), runs
/// <see cref="ExistingDeviceLinking"/> over the link, waits for its person to confirm the digits, appends the
/// co-signed add-device entry with the new device's record in one transaction, and sends the copies
/// (<see cref="AccountCopyExport"/>) until the new device acknowledges that it adopted them.
/// </summary>
internal sealed class ExistingDeviceSession : IDisposable
{
    private readonly Lock _lock = new();
    private readonly ExistingDeviceLinking _linking;
    private readonly LinkContext _context;
    private readonly TaskCompletionSource _confirmed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private string? _expected;
    private LinkState _state = LinkState.Waiting;
    private KithError? _problem;
    private Task _run = Task.CompletedTask;

    private ExistingDeviceSession(ExistingDeviceLinking linking, LinkContext context, byte[] digest)
    {
        (_linking, _context, CodeDigest) = (linking, context, digest);
    }

    /// <summary>The digest of the code being used, to recognise the same code entered again.</summary>
    public byte[] CodeDigest { get; }

    /// <summary>Whether it still runs.</summary>
    public bool IsLive => _state is LinkState.Waiting or LinkState.Confirming;

    /// <summary>
    /// Checks the code (mistyped, expired or used: refused, nothing remembered but a used code) and starts dialling.
    /// </summary>
    public static Result<ExistingDeviceSession> Begin(string code, LinkContext context, UsedLinkCodes used)
    {
        ArgumentNullException.ThrowIfNull(context);
        LocalDevice device = context.Device;
        if (!ExistingDeviceLinking.Begin(code, device.Keys, device.Account, used, context.NowMs, context.Random)
            .TryGet(out ExistingDeviceLinking? linking, out KithError? error))
        {
            return error;
        }

        var session = new ExistingDeviceSession(linking, context, linking.Code.Digest());
        session._run = Task.Run(session.RunAsync);
        return session;
    }

    /// <summary>Where the session stands, for the API.</summary>
    public LinkDeviceProgress Progress()
    {
        lock (_lock)
        {
            return new LinkDeviceProgress(null, _state, _problem?.Detail, _linking.ConfirmationCode, _confirmed.Task.IsCompleted);
        }
    }

    /// <summary>The person typed the digits the new device shows: equal, linking goes on; different, it stops.</summary>
    public Result<LinkDeviceProgress> Confirm(string digits)
    {
        if (!LinkDigits.IsWellFormed(digits))
        {
            return LinkSessionErrors.BadDigits;
        }

        lock (_lock)
        {
            if (_problem is not null)
            {
                return _problem;
            }

            _expected = digits;
            if (_linking.ConfirmationCode is not null && !CheckDigits())
            {
                return LinkSessionErrors.DigitsDiffer;
            }
        }

        return Progress();
    }

    /// <summary>Stops the session (the link closes) and waits for it.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _run.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The run reports through its state; stopping only waits for it.
        }

        _stop.Dispose();
        _linking.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"ExistingDeviceSession({_linking})";

    private async Task RunAsync()
    {
        KithError? failure;
        try
        {
            failure = await LinkAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            failure = _stop.IsCancellationRequested ? LinkSessionErrors.Dropped : LinkErrors.Expired;
        }

        lock (_lock)
        {
            if (failure is not null)
            {
                _problem ??= failure;
                _state = LinkState.Failed;
            }
        }
    }

    private async Task<KithError?> LinkAsync()
    {
        long untilExpiry = Math.Max(0, _linking.Code.ExpiresAtUnixMs - _context.NowMs);
        using var expiry = new CancellationTokenSource(TimeSpan.FromMilliseconds(untilExpiry), _context.Time);
        using var beforeExpiry = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token, _stop.Token);
        if (!(await DialAsync(beforeExpiry.Token).ConfigureAwait(false)).TryGet(out PeerLink? link, out KithError? error))
        {
            return error;
        }

        await using (link.ConfigureAwait(false))
        {
            if (!(await Exchange(link, _linking.Request.ToBytes(), bytes => LinkResponse.Decode(bytes), beforeExpiry.Token)).TryGet(out LinkResponse? response, out error)
                || !_linking.Receive(response).TryGet(out LinkReveal? reveal, out error)
                || !(await link.SendAsync(reveal.ToBytes(), beforeExpiry.Token)).TryGet(out _, out error))
            {
                return error;
            }

            lock (_lock)
            {
                _state = LinkState.Confirming;
                if (_expected is not null && !CheckDigits())
                {
                    return null;
                }
            }

            // While the person compares, the link is read too: the new device hangs up if its person typed other digits.
            Task<Result<byte[]>> next = link.ReceiveAsync(beforeExpiry.Token).AsTask();
            await Task.WhenAny(_confirmed.Task, next).WaitAsync(beforeExpiry.Token).ConfigureAwait(false);
            if (!_confirmed.Task.IsCompleted)
            {
                return LinkSessionErrors.Dropped;
            }

            AccountLog log = _context.Device.LoadAccountLog();
            if (!_linking.Confirm(log, _context.NowMs).TryGet(out LinkProposal? proposal, out error)
                || !(await link.SendAsync(proposal.ToBytes(), beforeExpiry.Token).ConfigureAwait(false)).TryGet(out _, out error))
            {
                return error;
            }

            Result<byte[]> answer = await next.ConfigureAwait(false);
            if (!answer.IsOk || !LinkAcceptance.Decode(answer.Value).TryGet(out LinkAcceptance? acceptance, out error)
                || !_linking.Receive(acceptance, log).TryGet(out AccountEntry? entry, out error))
            {
                return error ?? LinkSessionErrors.Dropped;
            }

            // Linking a listed device again publishes the earlier entry, which every replica has or will have (the
            // outbox resends it), with the device's fresh record; no second entry is made.
            DeviceRecord added = _linking.NewDevice!;
            return _context.Publish(entry, added).TryGet(out _, out error) ? await CopyAsync(link, added).ConfigureAwait(false) : error;
        }
    }

    private async Task<KithError?> CopyAsync(PeerLink link, DeviceRecord added)
    {
        // The entry is in the log now: the code's expiry no longer applies, the link's idle timeout does.
        IReadOnlyList<byte[]> frames = AccountCopyExport.Build(_context.Device, _context.SelfRecord(), added, _context.Random);
        foreach (byte[] frame in frames)
        {
            if (!(await link.SendAsync(frame, _stop.Token).ConfigureAwait(false)).IsOk)
            {
                return LinkSessionErrors.NotAdopted;
            }
        }

        Result<byte[]> ack = await link.ReceiveAsync(_stop.Token).ConfigureAwait(false);
        if (!ack.IsOk || LinkMessages.TypeOf(ack.Value) != LinkMessageType.CopyDone)
        {
            return LinkSessionErrors.NotAdopted;
        }

        lock (_lock)
        {
            _state = LinkState.Linked;
        }

        _context.Linked();
        return null;
    }

    /// <summary>
    /// Dials the new device until it answers, the code expires or the session stops, waiting
    /// <see cref="LinkDialBackoff"/> between dials on the injected clock: a new onion service is often unreachable
    /// for a while after it shows its code. Each dial is logged (<see cref="LinkLog"/>), without the code.
    /// </summary>
    private async Task<Result<PeerLink>> DialAsync(CancellationToken cancellationToken)
    {
        if (AddressOf(_linking.Code) is not { } address)
        {
            return LinkSessionErrors.NoEndPoint;
        }

        for (int attempt = 1; ; attempt++)
        {
            Result<PeerLink> dialled = await _context.Dialer.DialAsync(address, cancellationToken).ConfigureAwait(false);
            if (dialled.TryGet(out PeerLink? link, out KithError? error))
            {
                LinkLog.Dialled(_context.Log, attempt);
                return link;
            }

            // Stopped or expired mid-dial: the run reports that (link.dropped, link.expired), not "unreachable".
            cancellationToken.ThrowIfCancellationRequested();

            if (LinkDialBackoff.DelayMs(attempt, _context.NowMs, _linking.Code.ExpiresAtUnixMs) is not { } wait)
            {
                LinkLog.DialGaveUp(_context.Log, attempt, error.Code);
                return LinkSessionErrors.Unreachable;
            }

            LinkLog.DialFailed(_context.Log, attempt, error.Code, wait);
            await Task.Delay(TimeSpan.FromMilliseconds(wait), _context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Where the code says the new device listens (direct mode: its TCP endpoint, NOT ANONYMOUS; else its onion service).</summary>
    private PeerAddress? AddressOf(LinkCode code)
    {
        DeviceId peer = LinkGate.PeerOf(code.StaticKey);
        if (!_context.Direct)
        {
            return new PeerAddress(peer, code.StaticKey, LinkKind.Onion, OnionAddress.FromPublicKey(code.OnionKey).HostName, Peers.PeerNetwork.OnionVirtualPort);
        }

        return code.Direct is { } direct ? new PeerAddress(peer, code.StaticKey, LinkKind.DirectTcp, direct.Host, direct.Port) : null;
    }

    private static async Task<Result<T>> Exchange<T>(PeerLink link, byte[] message, Func<byte[], Result<T>> decode, CancellationToken cancellationToken)
    {
        if (!(await link.SendAsync(message, cancellationToken).ConfigureAwait(false)).TryGet(out _, out KithError? error))
        {
            return error;
        }

        Result<byte[]> answer = await link.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        return answer.IsOk ? decode(answer.Value) : LinkSessionErrors.Dropped;
    }

    private bool CheckDigits()
    {
        if (!LinkDigits.Same(_expected!, _linking.ConfirmationCode!))
        {
            (_problem, _state) = (LinkSessionErrors.DigitsDiffer, LinkState.Failed);
            _stop.Cancel();
            return false;
        }

        _confirmed.TrySetResult();
        return true;
    }
}
