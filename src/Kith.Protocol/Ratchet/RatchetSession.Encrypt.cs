using System.Security.Cryptography;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Wire.Ratchet;

namespace Kith.Protocol.Ratchet;

public sealed partial class RatchetSession
{
    /// <summary>RatchetEncryptHE (§4.5): encrypts one message and returns its encoding.</summary>
    /// <param name="plaintext">At most <see cref="Limits.RatchetMaxPlaintextSize"/> bytes.</param>
    /// <param name="random">Source of the header nonce and, after a DH ratchet step, of the new ratchet key pair.</param>
    /// <exception cref="InvalidOperationException">The session cannot send yet (<see cref="CanEncrypt"/>) or its chain is exhausted.</exception>
    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, IRandomSource random)
    {
        byte[] message = new byte[GetMessageLength(plaintext.Length)];
        _ = Encrypt(plaintext, message, random);
        return message;
    }

    /// <summary>
    /// RatchetEncryptHE (§4.5) into <paramref name="destination"/>, which must hold
    /// <see cref="GetMessageLength"/> bytes and must not overlap <paramref name="plaintext"/>.
    /// Returns the number of bytes written.
    /// </summary>
    public int Encrypt(ReadOnlySpan<byte> plaintext, Span<byte> destination, IRandomSource random)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(random);
        if (plaintext.Length > Limits.RatchetMaxPlaintextSize)
        {
            throw new ArgumentException($"A ratchet message carries at most {Limits.RatchetMaxPlaintextSize} bytes.", nameof(plaintext));
        }

        int length = GetMessageLength(plaintext.Length);
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is too small for the message.", nameof(destination));
        }

        if (!_state.HasPeerRatchetKey)
        {
            throw new InvalidOperationException("The responder cannot send before the initiator's first message has arrived (§3.3).");
        }

        // An honest session never gets near 2^32 messages in one chain; refusing keeps N unambiguous.
        if (_state.SendCount == uint.MaxValue)
        {
            throw new InvalidOperationException("The sending chain is exhausted; start a new session.");
        }

        if (_state.SendingRatchetPending)
        {
            CompleteRatchetStep(random);
        }

        Span<byte> messageKey = stackalloc byte[RatchetKdf.KeySize];
        Span<byte> header = stackalloc byte[RatchetHeader.Size];
        try
        {
            RatchetKdf.ChainStep(_state.SendingChainKey, messageKey);
            new RatchetHeader(_state.SendingRatchetPublicKey, _state.PreviousSendCount, _state.SendCount).Encode(header);

            Span<byte> message = destination[..length];
            RatchetMessage.Layout(message, plaintext.Length, out Span<byte> headerNonce, out Span<byte> encryptedHeader, out Span<byte> body);
            random.Fill(headerNonce);
            RatchetCiphers.SealHeader(_state.SendingHeaderKey, headerNonce, header, encryptedHeader);
            RatchetCiphers.SealBody(messageKey, _state.AssociatedData, message[..RatchetMessage.PrefixSize], plaintext, body);
            _state.SendCount++;
            return length;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(messageKey);
        }
    }

    /// <summary>
    /// The sending half of DHRatchetHE (§4.6), deferred from the Decrypt that began the step (see
    /// <see cref="RatchetState"/>): GENERATE_DH, then RK, CKs, NHKs = KDF_RK_HE(RK, DH(DHs, DHr)).
    /// </summary>
    private void CompleteRatchetStep(IRandomSource random)
    {
        Span<byte> privateKey = stackalloc byte[X25519.PrivateKeySize];
        Span<byte> publicKey = stackalloc byte[X25519.PublicKeySize];
        Span<byte> dh = stackalloc byte[X25519.SharedSecretSize];
        try
        {
            random.Fill(privateKey);
            X25519.DerivePublicKey(privateKey, publicKey);
            if (!X25519.TryAgree(privateKey, _state.ReceivingRatchetPublicKey, dh))
            {
                // DHr already gave a non-zero agreement in the receiving half, so it has no low-order part.
                throw new InvalidOperationException("The peer's ratchet key gave an all-zero agreement after passing the receiving half.");
            }

            privateKey.CopyTo(_state.SendingRatchetPrivateKey);
            publicKey.CopyTo(_state.SendingRatchetPublicKey);
            RatchetKdf.RootStep(_state.RootKey, dh, _state.RootKey, _state.SendingChainKey, _state.NextSendingHeaderKey);
            _state.HasSendingChain = true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
            CryptographicOperations.ZeroMemory(dh);
        }
    }
}
