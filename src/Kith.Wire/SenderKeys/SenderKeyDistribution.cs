using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.SenderKeys;

/// <summary>
/// What an author device sends to each member device, over their pairwise Double Ratchet session, so that
/// the member can read the author's content in one conversation: Signal's
/// <c>SenderKeyDistributionMessage</c> (libsignal <c>sender_keys</c>) and Megolm's <c>m.room_key</c>
/// (the ratchet's current state plus the session's Ed25519 public key). The chain's signing seed never leaves
/// the author.
/// </summary>
/// <remarks>
/// <para>Layout (version 1):</para>
/// <code>version (1) ‖ chain id (32) ‖ conversation id (32) ‖ index (u32, big-endian) ‖ chain key (32) ‖ signing public key (32)</code>
/// <para>
/// A member holding this can derive the message keys of <see cref="Index"/> and later, never earlier ones
/// (the chain key is a one-way hash ratchet), so an author hands a new member only the present.
/// </para>
/// </remarks>
public sealed class SenderKeyDistribution : IDisposable
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 1;

    /// <summary>Size of a chain id.</summary>
    public const int ChainIdSize = 32;

    /// <summary>Size of a chain key.</summary>
    public const int ChainKeySize = 32;

    /// <summary>Size of the encoding.</summary>
    public const int EncodedSize = 1 + ChainIdSize + ConversationId.Size + 4 + ChainKeySize + Ed25519.PublicKeySize;

    private readonly byte[] _chainId;
    private readonly byte[] _signingPublicKey;

    /// <summary>Makes a distribution message; takes ownership of <paramref name="chainKey"/>.</summary>
    /// <exception cref="ArgumentException">A field has the wrong size.</exception>
    public SenderKeyDistribution(ReadOnlySpan<byte> chainId, ConversationId conversation, uint index, SecretBytes chainKey, ReadOnlySpan<byte> signingPublicKey)
    {
        ArgumentNullException.ThrowIfNull(chainKey);
        if (chainId.Length != ChainIdSize || chainKey.Length != ChainKeySize || signingPublicKey.Length != Ed25519.PublicKeySize)
        {
            throw new ArgumentException("A sender-key distribution holds a 32-byte chain id, chain key and signing public key.");
        }

        _chainId = chainId.ToArray();
        Conversation = conversation;
        Index = index;
        ChainKey = chainKey;
        _signingPublicKey = signingPublicKey.ToArray();
    }

    /// <summary>The chain's random id, naming it in every event it encrypts.</summary>
    public ReadOnlySpan<byte> ChainId => _chainId;

    /// <summary>The conversation the chain encrypts.</summary>
    public ConversationId Conversation { get; }

    /// <summary>The index of the next message the author will encrypt, which <see cref="ChainKey"/> belongs to.</summary>
    public uint Index { get; }

    /// <summary>The chain key at <see cref="Index"/>.</summary>
    public SecretBytes ChainKey { get; }

    /// <summary>The chain's Ed25519 public key, which verifies every event the chain's author signs.</summary>
    public ReadOnlySpan<byte> SigningPublicKey => _signingPublicKey;

    /// <summary>Encodes the message; the caller encrypts it at once and zeroes the result.</summary>
    public byte[] ToBytes() => new WireWriter(EncodedSize).Byte(Version).Bytes(_chainId).Bytes(Conversation.Span)
        .U32(Index).Bytes(ChainKey.Span).Bytes(_signingPublicKey).ToArray();

    /// <summary>Decodes untrusted bytes (a decrypted pairwise message); never throws.</summary>
    public static Result<SenderKeyDistribution> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        if (!reader.TryReadByte(out byte version))
        {
            return reader.Error!;
        }

        if (version != Version)
        {
            return WireErrors.UnknownVersion;
        }

        _ = reader.TryReadSpan(ChainIdSize, out ReadOnlySpan<byte> chainId);
        _ = reader.TryReadSpan(ConversationId.Size, out ReadOnlySpan<byte> conversation);
        _ = reader.TryReadUInt32(out uint index);
        _ = reader.TryReadSpan(ChainKeySize, out ReadOnlySpan<byte> chainKey);
        _ = reader.TryReadSpan(Ed25519.PublicKeySize, out ReadOnlySpan<byte> signingPublicKey);
        if (!reader.TryFinish(out KithError? error))
        {
            return error!;
        }

        return new SenderKeyDistribution(chainId, ConversationId.FromBytes(conversation), index, SecretBytes.CopyFrom(chainKey), signingPublicKey);
    }

    /// <summary>Zeroes the chain key.</summary>
    public void Dispose() => ChainKey.Dispose();

    /// <summary>Prints the chain id's first bytes and the index, never the chain key.</summary>
    public override string ToString() => $"SenderKeyDistribution({Convert.ToHexString(_chainId, 0, 4)}…, {Index}, {Redacted.Text})";
}
