using System.Security.Cryptography;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Wire.Ratchet;

namespace Kith.Protocol.Ratchet;

/// <summary>
/// A Double Ratchet session between two devices, with header encryption: Signal's "The Double
/// Ratchet Algorithm" (revision 4, 2025) §4, with the recommended algorithms of §5.2 (X25519,
/// HKDF-SHA-256, HMAC-SHA-256) and ChaCha20-Poly1305 / XChaCha20-Poly1305 as the AEADs.
/// </summary>
/// <remarks>
/// <para>
/// A session starts from PQXDH's shared secret SK and associated data AD (§5.1, "Integration with
/// X3DH"; PQXDH §3.3): the initiator takes the responder's signed prekey as the first DHr, the
/// responder uses that prekey as its first ratchet key pair (§3.3, §4.4).
/// </para>
/// <para>
/// A failed <see cref="Decrypt(ReadOnlySpan{byte})"/> changes nothing (§3.5's note on exceptions):
/// every derivation runs on scratch copies that are committed only after the message authenticates.
/// Keys that decrypted a message are deleted at once, so replays fail and a later copy of the state
/// cannot read earlier messages ("Secure deletion" in the spec's security considerations).
/// </para>
/// <para>Not thread-safe: a session is one device pair's state, stepped by one caller at a time.</para>
/// </remarks>
public sealed partial class RatchetSession : IDisposable
{
    private readonly RatchetState _state;
    private bool _disposed;

    private RatchetSession(RatchetState state) => _state = state;

    /// <summary>Bytes a message adds to its plaintext (<see cref="RatchetMessage.Overhead"/>).</summary>
    public const int MessageOverhead = RatchetMessage.Overhead;

    /// <summary>
    /// RatchetInitAliceHE (§4.4): the session of the PQXDH initiator, who may send at once.
    /// </summary>
    /// <param name="sharedSecret">SK, the 32-byte PQXDH output; the first root key.</param>
    /// <param name="associatedData">AD from PQXDH, bound into every message (at most <see cref="Limits.RatchetMaxAssociatedDataSize"/> bytes).</param>
    /// <param name="responderRatchetPublicKey">The responder's signed prekey, its first ratchet public key.</param>
    /// <param name="random">Source of the initiator's first ratchet key pair.</param>
    public static RatchetSession InitializeInitiator(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> associatedData,
        ReadOnlySpan<byte> responderRatchetPublicKey, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        CheckCommon(sharedSecret, associatedData);
        CheckLength(responderRatchetPublicKey, X25519.PublicKeySize, nameof(responderRatchetPublicKey));

        var state = new RatchetState(associatedData.ToArray());
        Span<byte> dh = stackalloc byte[X25519.SharedSecretSize];
        try
        {
            random.Fill(state.SendingRatchetPrivateKey);
            X25519.DerivePublicKey(state.SendingRatchetPrivateKey, state.SendingRatchetPublicKey);
            if (!X25519.TryAgree(state.SendingRatchetPrivateKey, responderRatchetPublicKey, dh))
            {
                throw new ArgumentException("The responder's ratchet public key is a low-order point; PQXDH must have rejected it.", nameof(responderRatchetPublicKey));
            }

            responderRatchetPublicKey.CopyTo(state.ReceivingRatchetPublicKey);
            RatchetKdf.RootStep(sharedSecret, dh, state.RootKey, state.SendingChainKey, state.NextSendingHeaderKey);
            RatchetKdf.DeriveInitialHeaderKeys(sharedSecret, state.SendingHeaderKey, state.NextReceivingHeaderKey);
            state.HasSendingChain = true;
            state.HasPeerRatchetKey = true;
            return new RatchetSession(state);
        }
        catch
        {
            state.Dispose();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dh);
        }
    }

    /// <summary>
    /// RatchetInitBobHE (§4.4): the session of the PQXDH responder, who can send only after the
    /// initiator's first message has arrived (<see cref="CanEncrypt"/>).
    /// </summary>
    /// <param name="sharedSecret">SK, the 32-byte PQXDH output; the first root key.</param>
    /// <param name="associatedData">AD from PQXDH, bound into every message.</param>
    /// <param name="responderRatchetPrivateKey">The private key of the signed prekey the initiator used.</param>
    public static RatchetSession InitializeResponder(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> associatedData,
        ReadOnlySpan<byte> responderRatchetPrivateKey)
    {
        CheckCommon(sharedSecret, associatedData);
        CheckLength(responderRatchetPrivateKey, X25519.PrivateKeySize, nameof(responderRatchetPrivateKey));

        var state = new RatchetState(associatedData.ToArray());
        responderRatchetPrivateKey.CopyTo(state.SendingRatchetPrivateKey);
        X25519.DerivePublicKey(state.SendingRatchetPrivateKey, state.SendingRatchetPublicKey);
        sharedSecret.CopyTo(state.RootKey);
        RatchetKdf.DeriveInitialHeaderKeys(sharedSecret, state.NextReceivingHeaderKey, state.NextSendingHeaderKey);
        return new RatchetSession(state);
    }

    /// <summary>Whether <see cref="Encrypt(ReadOnlySpan{byte}, IRandomSource)"/> may be called: false only for a responder that has received nothing yet.</summary>
    public bool CanEncrypt
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _state.HasPeerRatchetKey;
        }
    }

    /// <summary>How many skipped message keys (MKSKIPPED) the session holds.</summary>
    public int SkippedKeyCount
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _state.Skipped.Count;
        }
    }

    /// <summary>The encoded length of a message carrying <paramref name="plaintextLength"/> bytes.</summary>
    public static int GetMessageLength(int plaintextLength) => RatchetMessage.GetEncodedLength(plaintextLength);

    /// <summary>Zeroes every key of the session.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _state.Dispose();
            _disposed = true;
        }
    }

    /// <summary>Counters only; never a key.</summary>
    public override string ToString() => _disposed
        ? "RatchetSession(disposed)"
        : $"RatchetSession(Ns={_state.SendCount}, Nr={_state.ReceiveCount}, PN={_state.PreviousSendCount}, skipped={_state.Skipped.Count})";

    internal RatchetState State => _state;

    private static void CheckCommon(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> associatedData)
    {
        CheckLength(sharedSecret, RatchetKdf.KeySize, nameof(sharedSecret));
        if (associatedData.Length > Limits.RatchetMaxAssociatedDataSize)
        {
            throw new ArgumentException($"Associated data is at most {Limits.RatchetMaxAssociatedDataSize} bytes.", nameof(associatedData));
        }
    }

    private static void CheckLength(ReadOnlySpan<byte> value, int expected, string name)
    {
        if (value.Length != expected)
        {
            throw new ArgumentException($"Expected {expected} bytes, got {value.Length}.", name);
        }
    }
}
