using System.Security.Cryptography;
using Kith.Crypto;
using ChaCha20Poly1305 = Kith.Crypto.ChaCha20Poly1305;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.SenderKeys;

namespace Kith.Protocol.SenderKeys;

/// <summary>
/// A member device's copy of another device's sender chain (libsignal's receiving <c>SenderKeyState</c>; Matrix's
/// inbound Megolm session): the chain key at the next unread index, the skipped message keys of messages not yet
/// read, and the chain's Ed25519 public key.
/// </summary>
/// <remarks>
/// <para>
/// Messages may arrive in any order (events are synced, not streamed): a message ahead of the chain makes this
/// side store the keys it skips, at most <see cref="Limits.SenderKeyMaxSkip"/> per message and
/// <see cref="Limits.SenderKeyMaxSkippedMessageKeys"/> in all, as the Double Ratchet's MKSKIPPED (§3.2) does.
/// Each key is deleted once used, so a replayed index is rejected and a stolen copy of this state reads nothing
/// it already read. A failed decrypt changes nothing: the new state is derived aside and committed only after
/// the ciphertext authenticates.
/// </para>
/// <para>
/// Any member holding the chain key can also seal messages for it, so the chain key authenticates membership,
/// not authorship: callers verify the event's signature with <see cref="Verify"/> before <see cref="Decrypt"/>
/// (Signal's sender keys and Megolm both sign every message for this reason).
/// </para>
/// </remarks>
public sealed partial class ReceivedSenderChain : IDisposable
{
    private readonly byte[] _chainId;
    private readonly byte[] _signingPublicKey;
    private readonly SecretBytes _chainKey;
    private readonly SortedList<uint, SecretBytes> _skipped = [];

    private ReceivedSenderChain(DeviceId author, ReadOnlySpan<byte> chainId, ConversationId conversation,
        ReadOnlySpan<byte> signingPublicKey, uint firstIndex, uint nextIndex, SecretBytes chainKey)
    {
        Author = author;
        _chainId = chainId.ToArray();
        Conversation = conversation;
        _signingPublicKey = signingPublicKey.ToArray();
        FirstIndex = firstIndex;
        NextIndex = nextIndex;
        _chainKey = chainKey;
    }

    /// <summary>The device that owns the chain (the peer of the pairwise session the distribution came over).</summary>
    public DeviceId Author { get; }

    /// <summary>The chain's id.</summary>
    public ReadOnlySpan<byte> ChainId => _chainId;

    /// <summary>The conversation the chain encrypts.</summary>
    public ConversationId Conversation { get; }

    /// <summary>The chain's Ed25519 public key.</summary>
    public ReadOnlySpan<byte> SigningPublicKey => _signingPublicKey;

    /// <summary>The index the distribution started at; earlier messages can never be read here.</summary>
    public uint FirstIndex { get; }

    /// <summary>The lowest index whose key has not been derived yet.</summary>
    public uint NextIndex { get; private set; }

    /// <summary>How many skipped message keys are stored.</summary>
    public int SkippedKeyCount => _skipped.Count;

    /// <summary>Starts a member's copy from a distribution received from <paramref name="author"/> over their pairwise session.</summary>
    public static ReceivedSenderChain FromDistribution(DeviceId author, SenderKeyDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return new ReceivedSenderChain(author, distribution.ChainId, distribution.Conversation, distribution.SigningPublicKey,
            distribution.Index, distribution.Index, distribution.ChainKey.Clone());
    }

    /// <summary>Whether <paramref name="signature"/> is the chain's Ed25519 signature of <paramref name="message"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == Ed25519.SignatureSize && Ed25519.Verify(_signingPublicKey, message, signature);

    /// <summary>Decrypts the message sealed at <paramref name="index"/>; on any error nothing changes.</summary>
    public Result<byte[]> Decrypt(uint index, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> associatedData)
    {
        if (ciphertext.Length > Limits.SenderKeyMaxPlaintextSize + ChaCha20Poly1305.TagSize
            || associatedData.Length > Limits.SenderKeyMaxAssociatedDataSize)
        {
            return SenderKeyErrors.Oversized;
        }

        if (index < NextIndex)
        {
            return DecryptSkipped(index, ciphertext, associatedData);
        }

        // The author never seals at uint.MaxValue (its chain is exhausted there), so NextIndex cannot overflow.
        if (index == uint.MaxValue)
        {
            return SenderKeyErrors.BadMessage;
        }

        uint gap = index - NextIndex;
        return gap > Limits.SenderKeyMaxSkip ? SenderKeyErrors.TooManySkipped : DecryptAhead(index, (int)gap, ciphertext, associatedData);
    }

    /// <summary>Zeroes the chain key and every skipped key.</summary>
    public void Dispose()
    {
        _chainKey.Dispose();
        foreach (SecretBytes key in _skipped.Values)
        {
            key.Dispose();
        }

        _skipped.Clear();
    }

    /// <summary>Prints the chain id's first bytes and the next index, never a key.</summary>
    public override string ToString() => $"ReceivedSenderChain({Convert.ToHexString(_chainId, 0, 4)}…, {NextIndex}, {Redacted.Text})";

    private Result<byte[]> DecryptSkipped(uint index, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> associatedData)
    {
        if (!_skipped.TryGetValue(index, out SecretBytes? key))
        {
            return index < FirstIndex ? SenderKeyErrors.BeforeChain : SenderKeyErrors.DuplicateMessage;
        }

        byte[]? plaintext = SenderKeyKdf.Open(key.Span, _chainId, index, associatedData, ciphertext);
        if (plaintext is null)
        {
            return SenderKeyErrors.BadMessage;
        }

        _ = _skipped.Remove(index);
        key.Dispose();
        return plaintext;
    }

    private Result<byte[]> DecryptAhead(uint index, int gap, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> associatedData)
    {
        const int KeySize = SenderKeyKdf.KeySize;
        byte[] chainKey = _chainKey.Span.ToArray();
        byte[] skippedKeys = new byte[gap * KeySize];
        byte[] messageKey = new byte[KeySize];
        try
        {
            for (int i = 0; i < gap; i++)
            {
                SenderKeyKdf.ChainStep(chainKey, skippedKeys.AsSpan(i * KeySize, KeySize));
            }

            SenderKeyKdf.ChainStep(chainKey, messageKey);
            byte[]? plaintext = SenderKeyKdf.Open(messageKey, _chainId, index, associatedData, ciphertext);
            if (plaintext is null)
            {
                return SenderKeyErrors.BadMessage;
            }

            chainKey.CopyTo(_chainKey.AsSpan());
            for (int i = 0; i < gap; i++)
            {
                _skipped.Add(checked(NextIndex + (uint)i), SecretBytes.CopyFrom(skippedKeys.AsSpan(i * KeySize, KeySize)));
            }

            NextIndex = index + 1;
            EvictOldest();
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(chainKey);
            CryptographicOperations.ZeroMemory(skippedKeys);
            CryptographicOperations.ZeroMemory(messageKey);
        }
    }

    private void EvictOldest()
    {
        while (_skipped.Count > Limits.SenderKeyMaxSkippedMessageKeys)
        {
            SecretBytes oldest = _skipped.Values[0];
            _skipped.RemoveAt(0);
            oldest.Dispose();
        }
    }
}
