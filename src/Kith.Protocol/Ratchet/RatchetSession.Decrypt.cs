using System.Security.Cryptography;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Wire.Ratchet;

namespace Kith.Protocol.Ratchet;

public sealed partial class RatchetSession
{
    private enum SkippedKeyOutcome
    {
        NotFound = 0,
        Decrypted = 1,
        Rejected = 2,
    }

    /// <summary>
    /// RatchetDecryptHE (§4.6): authenticates and decrypts one message. Any bytes are accepted; on any
    /// error the session is unchanged.
    /// </summary>
    public Result<byte[]> Decrypt(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!RatchetMessage.TryDecode(message, out RatchetMessage decoded, out KithError? error))
        {
            return error;
        }

        byte[] plaintext = new byte[decoded.PlaintextLength];
        Result<int> result = Decrypt(decoded, plaintext);
        return result.IsOk ? plaintext : result.Error;
    }

    /// <summary>
    /// RatchetDecryptHE (§4.6) into <paramref name="plaintext"/>, which must hold at least
    /// <c>message.Length - </c><see cref="MessageOverhead"/> bytes and must not overlap the message.
    /// Returns the plaintext length; on any error the session is unchanged.
    /// </summary>
    public Result<int> Decrypt(ReadOnlySpan<byte> message, Span<byte> plaintext)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!RatchetMessage.TryDecode(message, out RatchetMessage decoded, out KithError? error))
        {
            return error;
        }

        if (plaintext.Length < decoded.PlaintextLength)
        {
            throw new ArgumentException("The plaintext buffer is smaller than the message's plaintext.", nameof(plaintext));
        }

        return Decrypt(decoded, plaintext[..decoded.PlaintextLength]);
    }

    private Result<int> Decrypt(in RatchetMessage message, Span<byte> plaintext)
    {
        Span<byte> headerBytes = stackalloc byte[RatchetHeader.Size];
        switch (TrySkippedMessageKeys(message, headerBytes, plaintext))
        {
            case SkippedKeyOutcome.Decrypted:
                return plaintext.Length;
            case SkippedKeyOutcome.Rejected:
                return RatchetErrors.BadMessage;
            default:
                break;
        }

        // DecryptHeader (§4.6): the current receiving header key, then the next one, which means the
        // sender has started a DH ratchet step.
        bool ratchetStep;
        if (_state.HasReceivingChain && RatchetCiphers.TryOpenHeader(_state.ReceivingHeaderKey, message, headerBytes))
        {
            ratchetStep = false;
        }
        else if (RatchetCiphers.TryOpenHeader(_state.NextReceivingHeaderKey, message, headerBytes))
        {
            ratchetStep = true;
        }
        else
        {
            return RatchetErrors.UndecryptableHeader;
        }

        if (!RatchetHeader.TryDecode(headerBytes, out RatchetHeader header, out _))
        {
            return RatchetErrors.BadHeader;
        }

        return ratchetStep
            ? DecryptWithRatchetStep(message, header, plaintext)
            : DecryptInReceivingChain(message, header, plaintext);
    }

    /// <summary>
    /// TrySkippedMessageKeysHE (§4.6): a message whose header opens under a stored header key and whose
    /// number has a stored key is decrypted with that key, which is then deleted.
    /// </summary>
    private SkippedKeyOutcome TrySkippedMessageKeys(in RatchetMessage message, Span<byte> headerBytes, Span<byte> plaintext)
    {
        foreach (SkippedKeyChain chain in _state.Skipped.Chains)
        {
            if (!RatchetCiphers.TryOpenHeader(chain.HeaderKey, message, headerBytes)
                || !RatchetHeader.TryDecode(headerBytes, out RatchetHeader header, out _)
                || !chain.TryFind(header.MessageNumber, out int index))
            {
                continue;
            }

            if (!RatchetCiphers.TryOpenBody(chain.KeyAt(index), _state.AssociatedData, message, plaintext))
            {
                return SkippedKeyOutcome.Rejected;
            }

            _state.Skipped.Remove(chain, index);
            return SkippedKeyOutcome.Decrypted;
        }

        return SkippedKeyOutcome.NotFound;
    }

    /// <summary>The next message of the current receiving chain, after SkipMessageKeysHE up to header.n (§4.6).</summary>
    private Result<int> DecryptInReceivingChain(in RatchetMessage message, in RatchetHeader header, Span<byte> plaintext)
    {
        uint received = _state.ReceiveCount;
        uint number = header.MessageNumber;
        if (!header.RatchetPublicKey.SequenceEqual(_state.ReceivingRatchetPublicKey) || number == uint.MaxValue)
        {
            return RatchetErrors.BadHeader;
        }

        if (number < received)
        {
            return RatchetErrors.DuplicateMessage;
        }

        if (number - received > Limits.RatchetMaxSkip)
        {
            return RatchetErrors.TooManySkipped;
        }

        int skipped = (int)(number - received);
        byte[] skippedKeys = AllocateKeys(skipped);
        Span<byte> chainKey = stackalloc byte[RatchetKdf.KeySize];
        Span<byte> messageKey = stackalloc byte[RatchetKdf.KeySize];
        try
        {
            _state.ReceivingChainKey.CopyTo(chainKey);
            DeriveKeys(chainKey, skippedKeys, messageKey);
            if (!RatchetCiphers.TryOpenBody(messageKey, _state.AssociatedData, message, plaintext))
            {
                return RatchetErrors.BadMessage;
            }

            _state.Skipped.Add(_state.ReceivingHeaderKey, received, skippedKeys);
            chainKey.CopyTo(_state.ReceivingChainKey);
            _state.ReceiveCount = number + 1;
            return plaintext.Length;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(skippedKeys);
            CryptographicOperations.ZeroMemory(chainKey);
            CryptographicOperations.ZeroMemory(messageKey);
        }
    }

    /// <summary>
    /// The first message of the peer's new sending chain: SkipMessageKeysHE up to header.pn, the
    /// receiving half of DHRatchetHE, SkipMessageKeysHE up to header.n (§4.6), all on scratch copies.
    /// </summary>
    private Result<int> DecryptWithRatchetStep(in RatchetMessage message, in RatchetHeader header, Span<byte> plaintext)
    {
        // The peer makes a new ratchet key only after seeing ours; ours is not sent yet.
        if (_state.SendingRatchetPending)
        {
            return RatchetErrors.UnexpectedRatchetStep;
        }

        uint received = _state.ReceiveCount;
        uint previous = header.PreviousChainLength;
        uint number = header.MessageNumber;
        if (number == uint.MaxValue)
        {
            return RatchetErrors.BadHeader;
        }

        // §4.6 SkipMessageKeysHE raises when Nr + MAX_SKIP < until, whether or not a chain exists.
        if ((previous > received && previous - received > Limits.RatchetMaxSkip) || number > Limits.RatchetMaxSkip)
        {
            return RatchetErrors.TooManySkipped;
        }

        int oldSkipped = _state.HasReceivingChain && previous > received ? (int)(previous - received) : 0;
        byte[] oldKeys = AllocateKeys(oldSkipped);
        byte[] newKeys = AllocateKeys((int)number);
        const int K = RatchetKdf.KeySize;
        Span<byte> scratch = stackalloc byte[6 * K];
        Span<byte> dh = scratch[..K];
        Span<byte> rootKey = scratch.Slice(K, K);
        Span<byte> chainKey = scratch.Slice(2 * K, K);
        Span<byte> nextHeaderKey = scratch.Slice(3 * K, K);
        Span<byte> oldChainKey = scratch.Slice(4 * K, K);
        Span<byte> messageKey = scratch.Slice(5 * K, K);
        try
        {
            if (!X25519.TryAgree(_state.SendingRatchetPrivateKey, header.RatchetPublicKey, dh))
            {
                return RatchetErrors.BadRatchetKey;
            }

            RatchetKdf.RootStep(_state.RootKey, dh, rootKey, chainKey, nextHeaderKey);
            if (oldSkipped > 0)
            {
                _state.ReceivingChainKey.CopyTo(oldChainKey);
                DeriveKeys(oldChainKey, oldKeys, messageKey: default);
            }

            DeriveKeys(chainKey, newKeys, messageKey);
            if (!RatchetCiphers.TryOpenBody(messageKey, _state.AssociatedData, message, plaintext))
            {
                return RatchetErrors.BadMessage;
            }

            CommitRatchetStep(header, received, oldKeys, rootKey, chainKey, nextHeaderKey, newKeys);
            return plaintext.Length;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(oldKeys);
            CryptographicOperations.ZeroMemory(newKeys);
            CryptographicOperations.ZeroMemory(scratch);
        }
    }

    /// <summary>Applies a verified DH ratchet step: the state updates of DHRatchetHE's receiving half (§4.6).</summary>
    private void CommitRatchetStep(in RatchetHeader header, uint received, ReadOnlySpan<byte> oldKeys,
        ReadOnlySpan<byte> rootKey, ReadOnlySpan<byte> chainKey, ReadOnlySpan<byte> nextHeaderKey, ReadOnlySpan<byte> newKeys)
    {
        RatchetState s = _state;
        if (s.HasReceivingChain)
        {
            s.Skipped.Add(s.ReceivingHeaderKey, received, oldKeys);
        }

        s.PreviousSendCount = s.SendCount;
        s.SendCount = 0;
        s.NextSendingHeaderKey.CopyTo(s.SendingHeaderKey);
        s.NextReceivingHeaderKey.CopyTo(s.ReceivingHeaderKey);
        header.RatchetPublicKey.CopyTo(s.ReceivingRatchetPublicKey);
        rootKey.CopyTo(s.RootKey);
        chainKey.CopyTo(s.ReceivingChainKey);
        nextHeaderKey.CopyTo(s.NextReceivingHeaderKey);
        s.ReceiveCount = header.MessageNumber + 1;

        // The old sending chain is finished; its key goes now rather than at the next Encrypt.
        CryptographicOperations.ZeroMemory(s.SendingChainKey);
        s.HasSendingChain = false;
        s.HasReceivingChain = true;
        s.HasPeerRatchetKey = true;
        s.Skipped.Add(s.ReceivingHeaderKey, 0, newKeys);
    }

    /// <summary>KDF_CK repeatedly: one key per skipped message into <paramref name="skippedKeys"/>, then the message's own key.</summary>
    private static void DeriveKeys(Span<byte> chainKey, Span<byte> skippedKeys, Span<byte> messageKey)
    {
        for (int offset = 0; offset < skippedKeys.Length; offset += RatchetKdf.KeySize)
        {
            RatchetKdf.ChainStep(chainKey, skippedKeys.Slice(offset, RatchetKdf.KeySize));
        }

        if (!messageKey.IsEmpty)
        {
            RatchetKdf.ChainStep(chainKey, messageKey);
        }
    }

    /// <summary>A pinned scratch buffer for skipped keys, so no copy of them outlives the step.</summary>
    private static byte[] AllocateKeys(int count) =>
        count == 0 ? [] : GC.AllocateArray<byte>(count * RatchetKdf.KeySize, pinned: true);
}
