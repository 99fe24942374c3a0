using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Devices;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Kith.Wire.Linking;

namespace Kith.Protocol.Linking;

/// <summary>
/// The new device's side of linking (sans-IO: messages in, messages out, time as an argument). It shows a
/// one-time <see cref="LinkCode"/>; accepts exactly one request that proves knowledge of it; shows the
/// confirmation code once the existing device reveals its nonce; and co-signs the add-device entry only after
/// its person confirmed that both devices show the same code. Flow and sources: <see cref="LinkTranscript"/>.
/// </summary>
public sealed class NewDeviceLinking : IDisposable
{
    private readonly DeviceKeys _keys;
    private readonly IReadOnlyList<DeviceTransport> _transports;
    private readonly byte[] _macKey;
    private Step _step = Step.AwaitingRequest;
    private LinkRequest? _request;
    private LinkResponse? _response;

    private NewDeviceLinking(DeviceKeys keys, IReadOnlyList<DeviceTransport> transports, LinkCode code)
    {
        _keys = keys;
        _transports = transports;
        Code = code;
        _macKey = LinkTranscript.MacKey(code.Secret);
    }

    private enum Step
    {
        AwaitingRequest,
        AwaitingReveal,
        AwaitingConfirmation,
        AwaitingProposal,
        Done,
    }

    /// <summary>The code to show (text and QR).</summary>
    public LinkCode Code { get; }

    /// <summary>The confirmation code to show, once known.</summary>
    public string? ConfirmationCode { get; private set; }

    /// <summary>The account this device was invited into, once a valid request arrived.</summary>
    public AccountId? Account => _request?.Account;

    /// <summary>
    /// Starts linking: makes a fresh code valid for <see cref="Limits.LinkCodeLifetimeMs"/>, naming this device's
    /// onion key and link static key (its X25519 identity key) and, in direct mode only, <paramref name="direct"/>.
    /// </summary>
    public static NewDeviceLinking Start(DeviceKeys keys, IReadOnlyList<DeviceTransport> transports, long nowUnixMs, IRandomSource random,
        DeviceTransport? direct = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(transports);
        var code = new LinkCode(keys.OnionPublicKey.ToArray(), keys.Prekeys.Published.IdentityDhKey.ToArray(),
            SecretBytes.Random(LinkCode.SecretSize, random), checked(nowUnixMs + Limits.LinkCodeLifetimeMs), direct);
        return new NewDeviceLinking(keys, transports, code);
    }

    /// <summary>
    /// Answers the one request this code allows. A request under another code, or after expiry, is refused and
    /// the code stays usable (or expired); after one valid request the code is spent.
    /// </summary>
    public Result<LinkResponse> Receive(LinkRequest request, long nowUnixMs, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(random);
        if (_step != Step.AwaitingRequest)
        {
            return LinkErrors.Reused;
        }

        if (nowUnixMs >= Code.ExpiresAtUnixMs)
        {
            return LinkErrors.Expired;
        }

        if (!LinkTranscript.MacEquals(LinkTranscript.RequestMac(_macKey, Code, request), request.Mac))
        {
            return LinkErrors.WrongCode;
        }

        var nonce = new byte[LinkTranscript.NonceSize];
        random.Fill(nonce);
        var unsignedResponse = new LinkResponse(_keys.IssueRecord(_transports, nowUnixMs), nonce, []);
        LinkResponse response = unsignedResponse with { Mac = LinkTranscript.ResponseMac(_macKey, request, unsignedResponse) };
        (_request, _response, _step) = (request, response, Step.AwaitingReveal);
        return response;
    }

    /// <summary>Checks the revealed nonce against the request's commitment and gives the confirmation code to show.</summary>
    public Result<string> Receive(LinkReveal reveal)
    {
        ArgumentNullException.ThrowIfNull(reveal);
        if (_step != Step.AwaitingReveal)
        {
            return LinkErrors.OutOfOrder;
        }

        if (!LinkTranscript.MacEquals(LinkTranscript.Commitment(reveal.Nonce, _request!.Account, _request.Existing), _request.Commitment))
        {
            return LinkErrors.CommitmentMismatch;
        }

        ConfirmationCode = LinkTranscript.ConfirmationCode(_macKey, _request, _response!, reveal.Nonce);
        _step = Step.AwaitingConfirmation;
        return ConfirmationCode;
    }

    /// <summary>The person saw the same confirmation code on both devices.</summary>
    public Result<Unit> Confirm()
    {
        if (_step != Step.AwaitingConfirmation)
        {
            return LinkErrors.OutOfOrder;
        }

        _step = Step.AwaitingProposal;
        return Result.Ok();
    }

    /// <summary>
    /// Co-signs the proposed add-device entry, if it adds exactly this device to the account that asked, is
    /// written and signed by the device that asked, and the person has confirmed.
    /// </summary>
    public Result<LinkAcceptance> Receive(LinkProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (_step == Step.AwaitingConfirmation)
        {
            return LinkErrors.NotConfirmed;
        }

        if (_step != Step.AwaitingProposal)
        {
            return LinkErrors.OutOfOrder;
        }

        // Joined with a placeholder co-signature only to parse and check the proposal's fields.
        if (!AccountEntry.Assemble(proposal.UnsignedEntry, proposal.AuthorSignature, new byte[AccountEntry.SignatureSize])
                .TryGet(out AccountEntry? entry, out _)
            || entry.Kind != AccountEntryKind.AddDevice || entry.Account != _request!.Account
            || entry.Author != _request.Existing || entry.Subject != _keys.Device
            || !Ed25519.Verify(entry.Author.Span, entry.SignedPayload(coSigner: false), entry.Signature))
        {
            return LinkErrors.BadProposal;
        }

        _step = Step.Done;
        return new LinkAcceptance(AccountEntries.SignAsNewDevice(_keys.Identity, proposal.UnsignedEntry));
    }

    /// <summary>Zeroes the code's secret and the derived key.</summary>
    public void Dispose()
    {
        Code.Dispose();
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(_macKey);
    }

    /// <inheritdoc/>
    public override string ToString() => $"NewDeviceLinking({_keys.Device}, {_step})";
}
