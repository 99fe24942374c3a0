using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.Conversations;

/// <summary>
/// One signed event of a conversation log: a node of the conversation's DAG (as in Matrix rooms,
/// Client-Server/Server-Server API "room DAG", where <c>prev_events</c> name the sender's current forward
/// extremities). Its content is an opaque ciphertext of the author device's sender chain; everything
/// here is readable by any relay so that any member device can check and pass the event on unchanged.
/// </summary>
/// <remarks>
/// <para>
/// Encoding (version 1, big-endian): <c>version(1) | conversation(32) | author(32) | parent count(1) |
/// parents(32 each, strictly ascending) | timestamp(8, unix ms) | chain id(32) | chain index(4) |
/// signing key(32) | ciphertext length(4) | ciphertext | signature(64)</c>. Parents are sorted and unique
/// so every event has exactly one encoding.
/// </para>
/// <para>
/// The signature is Ed25519 by the sender chain's signing key over <see cref="SignatureContext"/>
/// followed by the encoding up to (not including) the signature. The <see cref="Id"/> is BLAKE2b-256 of
/// the whole encoding <em>including</em> the signature. Matrix's reference hash (Server-Server API,
/// "Calculating the reference hash for an event") leaves signatures out because several servers sign one
/// event; a Kith event has exactly one signer, so covering the signature makes the id name exactly the
/// bytes that were verified, and a re-signed event is a different event. Ed25519 as
/// implemented by libsodium rejects non-canonical signatures, so a relay cannot make a second valid
/// encoding (and id) of someone else's event.
/// </para>
/// </remarks>
public sealed partial class ConversationEvent
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 1;

    /// <summary>Size of a sender-chain id.</summary>
    public const int ChainIdSize = 32;

    /// <summary>Size of the chain's Ed25519 signing public key.</summary>
    public const int SigningKeySize = Ed25519.PublicKeySize;

    /// <summary>Size of the Ed25519 signature.</summary>
    public const int SignatureSize = Ed25519.SignatureSize;

    /// <summary>Bytes before the parents: version, conversation, author, parent count.</summary>
    internal const int HeadSize = 1 + Id32.Size + Id32.Size + 1;

    /// <summary>Bytes between the parents and the ciphertext: timestamp, chain id, chain index, key, length.</summary>
    internal const int MiddleSize = 8 + ChainIdSize + 4 + SigningKeySize + 4;

    /// <summary>Largest encoding any valid event can have.</summary>
    public const int MaxEncodedSize = HeadSize + (Limits.MaxEventParents * Id32.Size) + MiddleSize
        + Limits.MaxEventCiphertext + SignatureSize;

    /// <summary>Domain separation for event signatures, so no other Kith signature verifies as an event's.</summary>
    public static ReadOnlySpan<byte> SignatureContext => "Kith conversation event v1\0"u8;

    // The encoding is _buffer[_start..]. An event written by its author (Create) keeps SignatureContext in front
    // of it, so the signed bytes were one span of the same array; a decoded or constructed event starts at 0.
    private readonly byte[] _buffer;
    private readonly int _start;
    private readonly EventId[] _parents;

    /// <summary>Builds an event from its fields; throws on values that no valid event has (a caller bug).</summary>
    /// <param name="conversation">The conversation this event belongs to.</param>
    /// <param name="author">The device that wrote it.</param>
    /// <param name="parents">The author's current heads, at most <see cref="Limits.MaxEventParents"/>, no duplicates; any order.</param>
    /// <param name="timestampUnixMs">The author's clock when writing, unix milliseconds, not negative.</param>
    /// <param name="chainId">The author's sender chain (32 bytes, opaque here).</param>
    /// <param name="chainIndex">Index of the message key within the chain.</param>
    /// <param name="signingKey">The chain's Ed25519 signing public key.</param>
    /// <param name="ciphertext">The encrypted content, at most <see cref="Limits.MaxEventCiphertext"/> bytes.</param>
    /// <param name="signature">Ed25519 signature over <see cref="SignedContent"/>; checked by the log, not here.</param>
    /// <remarks>An author writing a new event uses <see cref="Create"/>, which encodes once and signs in place.</remarks>
    public ConversationEvent(ConversationId conversation, DeviceId author, IEnumerable<EventId> parents,
        long timestampUnixMs, ReadOnlySpan<byte> chainId, uint chainIndex, ReadOnlySpan<byte> signingKey,
        ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> signature)
        : this(Encode(conversation, author, parents, timestampUnixMs, chainId, chainIndex, signingKey, ciphertext, signature,
            out EventId[] sorted), start: 0, sorted, conversation, author, timestampUnixMs, chainIndex)
    {
    }

    /// <summary>An event over an encoding already written and checked (by <see cref="Create"/> or the decoder).</summary>
    private ConversationEvent(byte[] buffer, int start, EventId[] sortedParents, ConversationId conversation,
        DeviceId author, long timestampUnixMs, uint chainIndex)
    {
        (_buffer, _start, _parents) = (buffer, start, sortedParents);
        Conversation = conversation;
        Author = author;
        TimestampUnixMs = timestampUnixMs;
        ChainIndex = chainIndex;
        Id = HashId(buffer.AsSpan(start));
    }

    /// <summary>The event id: BLAKE2b-256 of the whole encoding, signature included.</summary>
    public EventId Id { get; }

    /// <summary>The conversation this event belongs to.</summary>
    public ConversationId Conversation { get; }

    /// <summary>The device that wrote the event.</summary>
    public DeviceId Author { get; }

    /// <summary>The parents, in ascending byte order.</summary>
    public IReadOnlyList<EventId> Parents => _parents;

    /// <summary>The author's clock when writing, unix milliseconds.</summary>
    public long TimestampUnixMs { get; }

    /// <summary>Index of the message key within the sender chain.</summary>
    public uint ChainIndex { get; }

    /// <summary>The sender chain (32 bytes).</summary>
    public ReadOnlySpan<byte> ChainId => Encoding.Slice(ChainIdOffset, ChainIdSize);

    /// <summary>The chain's Ed25519 signing public key (32 bytes).</summary>
    public ReadOnlySpan<byte> SigningKey => Encoding.Slice(ChainIdOffset + ChainIdSize + 4, SigningKeySize);

    /// <summary>The encrypted content.</summary>
    public ReadOnlySpan<byte> Ciphertext =>
        Encoding.Slice(ChainIdOffset + ChainIdSize + 4 + SigningKeySize + 4, CiphertextLength);

    /// <summary>The Ed25519 signature (64 bytes).</summary>
    public ReadOnlySpan<byte> Signature => Encoding[^SignatureSize..];

    /// <summary>The canonical encoding.</summary>
    public ReadOnlySpan<byte> Encoding => _buffer.AsSpan(_start);

    /// <summary>Length of the canonical encoding.</summary>
    public int EncodedLength => _buffer.Length - _start;

    private int ChainIdOffset => HeadSize + (_parents.Length * Id32.Size) + 8;

    private int CiphertextLength =>
        EncodedLength - SignatureSize - (ChainIdOffset + ChainIdSize + 4 + SigningKeySize + 4);

    /// <summary>A copy of the canonical encoding.</summary>
    public byte[] ToBytes() => Encoding.ToArray();

    /// <summary>The bytes the signature covers: <see cref="SignatureContext"/> and the encoding without the signature.</summary>
    public byte[] SignedContent() =>
        [.. SignatureContext, .. Encoding[..^SignatureSize]];

    /// <summary>Decodes untrusted bytes. Checks structure and sizes only; the log checks the signature.</summary>
    public static Result<ConversationEvent> Decode(ReadOnlySpan<byte> bytes) => ConversationEventCodec.Decode(bytes);

    /// <summary>The id and author, never the content.</summary>
    public override string ToString() => $"ConversationEvent({Id}, author {Author}, {_parents.Length} parents)";

    /// <summary>The constructor's encoding: sorts and checks the fields, then writes them and the signature.</summary>
    private static byte[] Encode(ConversationId conversation, DeviceId author, IEnumerable<EventId> parents,
        long timestampUnixMs, ReadOnlySpan<byte> chainId, uint chainIndex, ReadOnlySpan<byte> signingKey,
        ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> signature, out EventId[] sorted)
    {
        sorted = SortedParents(parents);
        CheckFields(sorted, timestampUnixMs, chainId, signingKey, ciphertext);
        if (signature.Length != SignatureSize)
        {
            throw new ArgumentException($"An event signature is {SignatureSize} bytes.", nameof(signature));
        }

        int unsignedLength = ConversationEventCodec.UnsignedLength(sorted.Length, ciphertext.Length);
        byte[] encoding = new byte[unsignedLength + SignatureSize];
        ConversationEventCodec.WriteUnsigned(encoding, conversation, author, sorted, timestampUnixMs, chainId,
            chainIndex, signingKey, ciphertext);
        signature.CopyTo(encoding.AsSpan(unsignedLength));
        return encoding;
    }

    /// <summary>The id of an encoding: BLAKE2b-256 in one call, no hasher object.</summary>
    private static EventId HashId(ReadOnlySpan<byte> encoding)
    {
        Span<byte> id = stackalloc byte[Blake2b.Hash256Size];
        Blake2b.Hash(encoding, id);
        return EventId.FromBytes(id);
    }

    private static EventId[] SortedParents(IEnumerable<EventId> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        EventId[] sorted = [.. parents];
        Array.Sort(sorted);
        return sorted;
    }

    private static void CheckFields(EventId[] sortedParents, long timestampUnixMs, ReadOnlySpan<byte> chainId,
        ReadOnlySpan<byte> signingKey, ReadOnlySpan<byte> ciphertext)
    {
        if (sortedParents.Length > Limits.MaxEventParents)
        {
            throw new ArgumentException($"An event names at most {Limits.MaxEventParents} parents.", nameof(sortedParents));
        }

        for (int i = 1; i < sortedParents.Length; i++)
        {
            if (sortedParents[i - 1] == sortedParents[i])
            {
                throw new ArgumentException("An event names each parent once.", nameof(sortedParents));
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegative(timestampUnixMs);
        if (chainId.Length != ChainIdSize || signingKey.Length != SigningKeySize)
        {
            throw new ArgumentException($"A chain id and a signing key are {ChainIdSize} bytes each.", nameof(chainId));
        }

        if (ciphertext.Length > Limits.MaxEventCiphertext)
        {
            throw new ArgumentException($"An event's ciphertext is at most {Limits.MaxEventCiphertext} bytes.", nameof(ciphertext));
        }
    }
}
