using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Pqxdh;
using Kith.Protocol.Prekeys;
using Kith.Protocol.Ratchet;
using Kith.Wire.Prekeys;
using Kith.Wire.Pqxdh;
using Kith.Wire.Sessions;

namespace Kith.Protocol.Sessions;

/// <summary>
/// The session between this device and one peer device: PQXDH (Signal PQXDH §3) to agree on a secret,
/// then the Double Ratchet (Signal Double Ratchet §3.3, §4) for every message. Sesame (Signal Sesame §2)
/// keeps one such session per device pair; this type is that per-pair session.
/// </summary>
/// <remarks>
/// The initiator keeps sending its PQXDH initial header with each message until the first message from
/// the responder decrypts (PQXDH §3.3 and libsignal's <c>PreKeySignalMessage</c>), because the responder may
/// receive any of them first. Every method either succeeds or leaves the session unchanged.
/// </remarks>
public sealed partial class DeviceSession : IDisposable
{
    private PqxdhInitialHeader? _pendingHeader;

    private DeviceSession(DeviceId local, DeviceId peer, RatchetSession ratchet, PqxdhInitialHeader? pendingHeader)
    {
        LocalDevice = local;
        PeerDevice = peer;
        Ratchet = ratchet;
        _pendingHeader = pendingHeader;
    }

    /// <summary>This device.</summary>
    public DeviceId LocalDevice { get; }

    /// <summary>The peer device.</summary>
    public DeviceId PeerDevice { get; }

    /// <summary>Whether outgoing messages still carry the PQXDH initial header (no reply received yet).</summary>
    public bool IsAwaitingFirstReply => _pendingHeader is not null;

    internal RatchetSession Ratchet { get; }

    /// <summary>
    /// Starts a session to <paramref name="peer"/> from its published prekeys (PQXDH §3.3): verifies their
    /// signatures, agrees on SK and initialises the ratchet as the initiator. One-time keys are used only when named
    /// (<see cref="PrekeyBundle.Select(DeviceId, DevicePrekeys)"/> says why).
    /// </summary>
    /// <param name="local">This device's prekey secrets.</param>
    /// <param name="peer">The device to reach.</param>
    /// <param name="peerPrekeys">Its published prekeys (untrusted until verified).</param>
    /// <param name="random">Randomness for the ephemeral key and the ratchet.</param>
    /// <param name="oneTimePrekeyId">An <c>OPK_B</c> handed to this initiator alone, or null for none.</param>
    /// <param name="oneTimePqPrekeyId">A <c>PQOPK_B</c> handed to this initiator alone, or null for the last-resort key.</param>
    public static Result<DeviceSession> Initiate(DevicePrekeySecrets local, DeviceId peer, DevicePrekeys peerPrekeys, IRandomSource random,
        uint? oneTimePrekeyId = null, uint? oneTimePqPrekeyId = null)
    {
        ArgumentNullException.ThrowIfNull(local);
        Result<PrekeyBundle> bundle = PrekeyBundle.Select(peer, peerPrekeys, oneTimePrekeyId, oneTimePqPrekeyId);
        if (!bundle.IsOk)
        {
            return bundle.Error;
        }

        Result<PqxdhInitiation> agreed = PqxdhInitiator.Initiate(local, bundle.Value, random);
        if (!agreed.TryGet(out PqxdhInitiation? initiation, out KithError? error))
        {
            return error;
        }

        using (initiation)
        {
            RatchetSession ratchet = RatchetSession.InitializeInitiator(
                initiation.SharedKey.Span, initiation.AssociatedData, initiation.ResponderRatchetKey, random);
            return new DeviceSession(local.Published.Device, peer, ratchet, initiation.Header);
        }
    }

    /// <summary>Encrypts <paramref name="plaintext"/> for the peer into a <see cref="SessionEnvelope"/> encoding.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, IRandomSource random)
    {
        byte[] message = Ratchet.Encrypt(plaintext, random);
        return _pendingHeader is null
            ? new SessionEnvelope(SessionEnvelopeKind.Ratchet, message).ToBytes()
            : new SessionEnvelope(SessionEnvelopeKind.Prekey, new PqxdhInitialMessage(_pendingHeader, message).ToBytes()).ToBytes();
    }

    /// <summary>
    /// Decrypts an envelope from the peer on this session. A prekey envelope is accepted here only if it
    /// was set up by this session's peer (a retransmitted initial message); its ratchet payload is what
    /// decides. On any error nothing changes.
    /// </summary>
    public Result<byte[]> Decrypt(ReadOnlySpan<byte> envelope)
    {
        Result<SessionEnvelope> decoded = SessionEnvelope.Decode(envelope);
        if (!decoded.TryGet(out SessionEnvelope? outer, out KithError? error))
        {
            return error;
        }

        byte[] ratchetMessage = outer.Body;
        if (outer.Kind == SessionEnvelopeKind.Prekey)
        {
            Result<PqxdhInitialMessage> initial = PqxdhInitialMessage.Decode(outer.Body);
            if (!initial.TryGet(out PqxdhInitialMessage? message, out error))
            {
                return error;
            }

            if (message.Header.InitiatorDevice != PeerDevice)
            {
                return SessionErrors.WrongPeer;
            }

            ratchetMessage = message.Payload;
        }

        Result<byte[]> plaintext = Ratchet.Decrypt(ratchetMessage);
        if (plaintext.IsOk && outer.Kind == SessionEnvelopeKind.Ratchet)
        {
            // The responder has answered, so it holds the session: stop sending the initial header.
            _pendingHeader = null;
        }

        return plaintext;
    }

    /// <summary>Zeroes the ratchet state.</summary>
    public void Dispose() => Ratchet.Dispose();

    /// <summary>Prints the devices only.</summary>
    public override string ToString() => $"DeviceSession({LocalDevice} → {PeerDevice}{(IsAwaitingFirstReply ? ", awaiting reply" : "")})";
}
