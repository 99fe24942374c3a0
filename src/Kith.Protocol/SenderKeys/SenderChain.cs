using System.Security.Cryptography;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Wire.SenderKeys;

namespace Kith.Protocol.SenderKeys;

/// <summary>
/// The author's side of a sender-key chain: one per author device per conversation (Signal's sender keys,
/// libsignal <c>SenderKeyState</c> with its signing private key; Matrix's outbound Megolm session). A symmetric
/// hash ratchet encrypts each event's content once for every member device, and a per-chain Ed25519 key signs
/// the events.
/// </summary>
/// <remarks>
/// Each <see cref="Encrypt"/> derives the message key of the current index, replaces the chain key with the next
/// one and zeroes the old one, so a later compromise of this state reveals no earlier message (forward secrecy;
/// the Megolm spec's "forward secrecy" property). Members receive the chain with
/// <see cref="CreateDistribution"/> over their pairwise sessions; the signing seed never leaves this object
/// except in its own stored form.
/// </remarks>
public sealed partial class SenderChain : IDisposable
{
    private readonly byte[] _chainId;
    private readonly byte[] _signingPublicKey;
    private readonly SecretBytes _chainKey;
    // Expanded once: every event the chain seals is signed, and re-deriving the public key per signature doubled the cost.
    private readonly Ed25519ExpandedKey _signingKey;

    private SenderChain(ReadOnlySpan<byte> chainId, ConversationId conversation, uint index, SecretBytes chainKey,
        SecretBytes signingSeed, long createdAtUnixMs, bool rotationRequested)
    {
        _chainId = chainId.ToArray();
        Conversation = conversation;
        Index = index;
        _chainKey = chainKey;
        using (signingSeed)
        {
            _signingKey = Ed25519ExpandedKey.FromSeed(signingSeed.Span);
        }

        _signingPublicKey = _signingKey.PublicKey.ToArray();
        CreatedAtUnixMs = createdAtUnixMs;
        RotationRequested = rotationRequested;
    }

    /// <summary>The chain's random 32-byte id, which every event it encrypts names.</summary>
    public ReadOnlySpan<byte> ChainId => _chainId;

    /// <summary>The conversation this chain encrypts.</summary>
    public ConversationId Conversation { get; }

    /// <summary>The index the next <see cref="Encrypt"/> uses (Signal's iteration); also how many messages the chain has sealed.</summary>
    public uint Index { get; private set; }

    /// <summary>The chain's Ed25519 public key, which members use to verify its events.</summary>
    public ReadOnlySpan<byte> SigningPublicKey => _signingPublicKey;

    /// <summary>When the chain was created, in Unix milliseconds.</summary>
    public long CreatedAtUnixMs { get; }

    /// <summary>Whether the caller asked for rotation (a membership change or a revoked device).</summary>
    public bool RotationRequested { get; private set; }

    /// <summary>Creates a chain at index 0 with a random id, chain key and signing key.</summary>
    public static SenderChain Create(ConversationId conversation, DateTimeOffset now, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> chainId = stackalloc byte[SenderKeyKdf.ChainIdSize];
        random.Fill(chainId);
        return new SenderChain(chainId, conversation, 0, SecretBytes.Random(SenderKeyKdf.KeySize, random),
            SecretBytes.Random(Ed25519.SeedSize, random), now.ToUnixTimeMilliseconds(), rotationRequested: false);
    }

    /// <summary>
    /// Seals <paramref name="plaintext"/> under the message key of <see cref="Index"/>, bound to
    /// <paramref name="associatedData"/> (the event's header), and advances the chain.
    /// </summary>
    /// <exception cref="ArgumentException">The plaintext or associated data is beyond its limit.</exception>
    /// <exception cref="InvalidOperationException">The chain is exhausted (it should have rotated long before).</exception>
    public SenderKeyMessage Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        if (plaintext.Length > Limits.SenderKeyMaxPlaintextSize || associatedData.Length > Limits.SenderKeyMaxAssociatedDataSize)
        {
            throw new ArgumentException("The plaintext or associated data is larger than the sender-key limits.");
        }

        if (Index == uint.MaxValue)
        {
            throw new InvalidOperationException("The sender chain is exhausted; rotate it.");
        }

        Span<byte> messageKey = stackalloc byte[SenderKeyKdf.KeySize];
        try
        {
            SenderKeyKdf.ChainStep(_chainKey.AsSpan(), messageKey);
            byte[] ciphertext = SenderKeyKdf.Seal(messageKey, _chainId, Index, associatedData, plaintext);
            var message = new SenderKeyMessage(Index, ciphertext);
            Index++;
            return message;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(messageKey);
        }
    }

    /// <summary>Signs <paramref name="message"/> (an event's signed encoding) with the chain's Ed25519 key.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        byte[] signature = new byte[Ed25519.SignatureSize];
        _signingKey.Sign(message, signature);
        return signature;
    }

    /// <summary>
    /// Signs <paramref name="message"/> into the 64 bytes of <paramref name="signature"/>: the
    /// <see cref="Wire.Conversations.EventSigner"/> that <see cref="Wire.Conversations.ConversationEvent.Create"/>
    /// calls, so an event is signed in its own buffer.
    /// </summary>
    public void Sign(ReadOnlySpan<byte> message, Span<byte> signature) => _signingKey.Sign(message, signature);

    /// <summary>
    /// The distribution message for a member device: the chain key at the current index, so the member reads
    /// this and every later message but no earlier one. The caller disposes it after sending.
    /// </summary>
    public SenderKeyDistribution CreateDistribution() =>
        new(_chainId, Conversation, Index, _chainKey.Clone(), _signingPublicKey);

    /// <summary>Marks the chain for rotation: a member left, a device was revoked, or the membership changed otherwise.</summary>
    public void RequestRotation() => RotationRequested = true;

    /// <summary>Whether the chain must be replaced before the next message, under Kith's <see cref="SenderChainRotationPolicy.Default"/>.</summary>
    public bool NeedsRotation(DateTimeOffset now) => NeedsRotation(now, SenderChainRotationPolicy.Default);

    /// <summary>Whether the chain must be replaced before the next message under <paramref name="policy"/>.</summary>
    public bool NeedsRotation(DateTimeOffset now, SenderChainRotationPolicy policy) =>
        RotationRequested
        || Index >= policy.MaxMessages
        || now.ToUnixTimeMilliseconds() - CreatedAtUnixMs >= policy.MaxAgeMs;

    /// <summary>Zeroes the chain key and the signing seed.</summary>
    public void Dispose()
    {
        _chainKey.Dispose();
        _signingKey.Dispose();
    }

    /// <summary>Prints the chain id's first bytes and the index, never a key.</summary>
    public override string ToString() => $"SenderChain({Convert.ToHexString(_chainId, 0, 4)}…, {Index}, {Redacted.Text})";
}
