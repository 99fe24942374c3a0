using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Devices;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Kith.Wire.Linking;

namespace Kith.Protocol.Linking;

/// <summary>
/// The existing member's side of linking: the person enters (or scans) the new device's code; this device asks,
/// checks that the answer comes from the device whose onion key is in the code, shows the confirmation code,
/// and after the person confirms, proposes the add-device entry and adds it to the log once co-signed.
/// </summary>
public sealed class ExistingDeviceLinking : IDisposable
{
    private readonly DeviceKeys _keys;
    private readonly LinkCode _code;
    private readonly byte[] _macKey;
    private readonly byte[] _nonce;
    private Step _step = Step.AwaitingResponse;
    private LinkResponse? _response;
    private byte[]? _proposal;
    private byte[]? _authorSignature;
    private AccountEntry? _earlier;

    private ExistingDeviceLinking(DeviceKeys keys, LinkCode code, LinkRequest request, byte[] nonce)
    {
        _keys = keys;
        _code = code;
        _macKey = LinkTranscript.MacKey(code.Secret);
        _nonce = nonce;
        Request = request with { Mac = LinkTranscript.RequestMac(_macKey, code, request) };
    }

    private enum Step
    {
        AwaitingResponse,
        AwaitingConfirmation,
        AwaitingAcceptance,
        Done,
    }

    /// <summary>The first message, to send to the new device.</summary>
    public LinkRequest Request { get; }

    /// <summary>The confirmation code to show, once known.</summary>
    public string? ConfirmationCode { get; private set; }

    /// <summary>The code being used (where to dial the new device, the static key it must prove).</summary>
    public LinkCode Code => _code;

    /// <summary>The new device's verified record, once known.</summary>
    public DeviceRecord? NewDevice => _response?.Record;

    /// <summary>
    /// Whether this links again a device the account already lists (an earlier link dropped before its copies
    /// arrived): the co-signed entry is then the earlier one, already in the log, and nothing new is added.
    /// </summary>
    public bool IsRelink => _earlier is not null;

    /// <summary>
    /// Begins linking with the code the person entered. A mistyped, expired or already used code fails and
    /// nothing is remembered; a good code is remembered as used.
    /// </summary>
    public static Result<ExistingDeviceLinking> Begin(string codeText, DeviceKeys keys, AccountId account, UsedLinkCodes used,
        long nowUnixMs, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(codeText);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(used);
        ArgumentNullException.ThrowIfNull(random);
        LinkCode? code = LinkCode.TryParse(codeText);
        if (code is null)
        {
            return LinkErrors.BadCode;
        }

        if (nowUnixMs >= code.ExpiresAtUnixMs || used.Contains(code.Digest()))
        {
            KithError error = nowUnixMs >= code.ExpiresAtUnixMs ? LinkErrors.Expired : LinkErrors.Reused;
            code.Dispose();
            return error;
        }

        var nonce = new byte[LinkTranscript.NonceSize];
        random.Fill(nonce);
        var request = new LinkRequest(account, keys.Device, LinkTranscript.Commitment(nonce, account, keys.Device), []);
        used.Add(code.Digest(), code.ExpiresAtUnixMs, nowUnixMs);
        return new ExistingDeviceLinking(keys, code, request, nonce);
    }

    /// <summary>
    /// Checks the new device's answer (MAC under the code's secret; a record signed by its device, carrying the
    /// onion key from the code) and returns the reveal to send; <see cref="ConfirmationCode"/> is then set.
    /// </summary>
    public Result<LinkReveal> Receive(LinkResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (_step != Step.AwaitingResponse)
        {
            return LinkErrors.OutOfOrder;
        }

        if (!LinkTranscript.MacEquals(LinkTranscript.ResponseMac(_macKey, Request, response), response.Mac))
        {
            return LinkErrors.WrongCode;
        }

        // The record must carry both keys from the code: the onion key (where it is reached) and, signed by its
        // identity, the static key its link handshake proved (so the link ends at the device that answered).
        if (!response.Record.OnionKey.AsSpan().SequenceEqual(_code.OnionKey) || !DeviceRecords.Verify(response.Record).IsOk
            || response.Record.Prekeys is not { } prekeys || !prekeys.IdentityDhKey.AsSpan().SequenceEqual(_code.StaticKey)
            || response.Record.Device == _keys.Device)
        {
            return LinkErrors.WrongDevice;
        }

        _response = response;
        ConfirmationCode = LinkTranscript.ConfirmationCode(_macKey, Request, response, _nonce);
        _step = Step.AwaitingConfirmation;
        return new LinkReveal((byte[])_nonce.Clone());
    }

    /// <summary>
    /// The person saw the same confirmation code on both devices: proposes the add-device entry at the log's
    /// current heads, signed by this device, or, if the account lists the device already, the earlier entry that
    /// added it (which must be this device's own: <see cref="LinkErrors.AddedElsewhere"/>).
    /// </summary>
    public Result<LinkProposal> Confirm(AccountLog log, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (_step != Step.AwaitingConfirmation)
        {
            return LinkErrors.OutOfOrder;
        }

        DeviceId added = _response!.Record.Device;
        if (log.Current().IsMember(added))
        {
            // Linked before, but its copies never arrived (the link dropped after the entry was published): propose
            // the earlier entry again, so the account does not list the device twice (a second add-device entry for
            // a member is invalid, AccountErrors.AlreadyMember). The new device co-signs the same bytes again
            // (Ed25519 signatures are deterministic, RFC 8032 §5.1.6), giving the very same entry.
            AccountEntry? earlier = log.Entries.LastOrDefault(entry => entry.Kind == AccountEntryKind.AddDevice && entry.Subject == added);
            if (earlier is null || earlier.Author != _keys.Device)
            {
                return LinkErrors.AddedElsewhere;
            }

            _earlier = earlier;
            _proposal = earlier.UnsignedBytes.ToArray();
            _authorSignature = earlier.Signature;
        }
        else
        {
            long createdAt = Math.Max(nowUnixMs, log.Heads.Max(head => log.Find(head)!.CreatedAtUnixMs));
            _proposal = AccountEntries.ProposeAdd(_keys.Device, log.Account, log.Heads, createdAt, added);
            _authorSignature = AccountEntries.SignAsAuthor(_keys.Identity, _proposal);
        }

        _step = Step.AwaitingAcceptance;
        return new LinkProposal(_proposal, _authorSignature);
    }

    /// <summary>
    /// Joins the new device's co-signature and adds the entry to <paramref name="log"/>; when linking again
    /// (<see cref="IsRelink"/>), checks it is the earlier entry and adds nothing.
    /// </summary>
    public Result<AccountEntry> Receive(LinkAcceptance acceptance, AccountLog log)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        ArgumentNullException.ThrowIfNull(log);
        if (_step != Step.AwaitingAcceptance)
        {
            return _step == Step.AwaitingConfirmation ? LinkErrors.NotConfirmed : LinkErrors.OutOfOrder;
        }

        if (!AccountEntry.Assemble(_proposal, _authorSignature, acceptance.CoSignature)
                .TryGet(out AccountEntry? entry, out KithError? error))
        {
            return error;
        }

        if (_earlier is not null)
        {
            // The same bytes hash to the same id: a different co-signature is no valid co-signature of this entry.
            if (entry.Id != _earlier.Id)
            {
                return AccountErrors.MissingCoSignature;
            }

            _step = Step.Done;
            return _earlier;
        }

        Result<AccountEntry> added = log.Add(entry);
        if (added.IsOk)
        {
            _step = Step.Done;
        }

        return added;
    }

    /// <summary>Zeroes the code's secret and the derived key.</summary>
    public void Dispose()
    {
        _code.Dispose();
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(_macKey);
    }

    /// <inheritdoc/>
    public override string ToString() => $"ExistingDeviceLinking({_keys.Device}, {_step})";
}
