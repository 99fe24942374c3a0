using CsCheck;
using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Wire.Conversations;

namespace Kith.Wire.Tests.Conversations;

/// <summary>
/// <see cref="ConversationEvent.Create"/> (encode once, sign in place) and the constructor path (fields,
/// <see cref="ConversationEvent.SignedContentFor"/>, sign, construct) make the same event, byte for byte.
/// </summary>
public class ConversationEventWritingTests
{
    // Written by the constructor path before Create existed (commit 19e391d): the version 1 encoding and its id.
    private const string KnownEncoding =
        "01101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445"
        + "464748494a4b4c4d4e4f02505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f909192939495969798999a9b"
        + "9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf0000018bcfe5687b707172737475767778797a7b7c7d7e7f808182838485868788898a"
        + "8b8c8d8e8f000000074fd099ccd47d7893dfe9ec24414ecb0d9b5420232aad30d91c465be33cbe65c400000015c0c1c2c3c4c5c6c7c8c9"
        + "cacbcccdcecfd0d1d2d3d4ee721683f5b7b400fc6aaf42b2659554d4451c483a4ad3b4484fd7730dc31e3c67aa0a0c1a31b08f1cc58d62"
        + "f7643f73772988ea1256242a1b4de124eb26df08";

    private const string KnownId = "bba4832e4db73c45947e1d7023911783d0b04877c7f4d927fdb464f1b71312ef";

    private const long Timestamp = 1_700_000_000_123;

    private static readonly ConversationId Conversation = ConversationId.FromBytes(Run(0x10, 32));
    private static readonly DeviceId Author = DeviceId.FromBytes(Run(0x30, 32));
    private static readonly byte[] ChainId = Run(0x70, 32);
    private static readonly byte[] Seed = Run(0xA0, 32);
    private static readonly byte[] Ciphertext = Run(0xC0, 21);

    // Out of order on purpose: both paths sort.
    private static readonly EventId[] Parents = [EventId.FromBytes(Run(0x90, 32)), EventId.FromBytes(Run(0x50, 32))];

    [Fact]
    public void The_constructor_path_still_writes_the_known_encoding()
    {
        ConversationEvent e = ByConstructor(Conversation, Author, Parents, Timestamp, ChainId, 7, Ciphertext, Seed);

        Assert.Equal(KnownEncoding, Convert.ToHexStringLower(e.Encoding));
        Assert.Equal(KnownId, e.Id.ToString());
    }

    [Fact]
    public void Create_writes_the_known_encoding_and_id()
    {
        using Ed25519ExpandedKey key = Ed25519ExpandedKey.FromSeed(Seed);

        ConversationEvent e = ConversationEvent.Create(Conversation, Author, Parents, Timestamp, ChainId, 7, key.PublicKey,
            Ciphertext, key.Sign);

        Assert.Equal(KnownEncoding, Convert.ToHexStringLower(e.Encoding));
        Assert.Equal(KnownId, e.Id.ToString());
        Assert.Equal(KnownEncoding, Convert.ToHexStringLower(e.ToBytes()));
        Assert.Equal(Convert.FromHexString(KnownEncoding).Length, e.EncodedLength);
    }

    [Fact]
    public void Create_and_the_constructor_path_agree_on_every_field_value()
    {
        Gen<EventId> ids = Gen.Byte.Array[32].Select(b => EventId.FromBytes(b));
        Gen<(EventId[] Parents, long Timestamp, uint Index, byte[] Ciphertext, byte[] Seed)> fields = Gen.Select(
            ids.HashSet[0, 5].Select(set => set.ToArray()), Gen.Long[0, long.MaxValue], Gen.UInt, Gen.Byte.Array[0, 300],
            Gen.Byte.Array[32]);

        fields.Sample(f =>
        {
            using Ed25519ExpandedKey key = Ed25519ExpandedKey.FromSeed(f.Seed);
            ConversationEvent created = ConversationEvent.Create(Conversation, Author, f.Parents, f.Timestamp, ChainId, f.Index,
                key.PublicKey, f.Ciphertext, key.Sign);
            ConversationEvent constructed = ByConstructor(Conversation, Author, f.Parents, f.Timestamp, ChainId, f.Index,
                f.Ciphertext, f.Seed);

            Assert.True(created.Encoding.SequenceEqual(constructed.Encoding));
            Assert.Equal(constructed.Id, created.Id);
            Assert.Equal(constructed.SignedContent(), created.SignedContent());
            Assert.Equal(constructed.Parents, created.Parents);
            Assert.True(created.Ciphertext.SequenceEqual(f.Ciphertext));
            Assert.True(created.SigningKey.SequenceEqual(key.PublicKey));
            Assert.True(Ed25519.Verify(created.SigningKey, created.SignedContent(), created.Signature));
        }, iter: 200);
    }

    [Fact]
    public void A_decoded_event_keeps_the_bytes_and_the_id()
    {
        ConversationEvent decoded = ConversationEvent.Decode(Convert.FromHexString(KnownEncoding)).Value;

        Assert.Equal(KnownId, decoded.Id.ToString());
        Assert.Equal(KnownEncoding, Convert.ToHexStringLower(decoded.Encoding));
        Assert.Equal(Timestamp, decoded.TimestampUnixMs);
        Assert.Equal(7u, decoded.ChainIndex);
        Assert.Equal(Author, decoded.Author);
        Assert.Equal(Conversation, decoded.Conversation);
        Assert.Equal(Parents.Order(), decoded.Parents);
        Assert.True(decoded.ChainId.SequenceEqual(ChainId));
        Assert.True(decoded.Ciphertext.SequenceEqual(Ciphertext));
    }

    [Fact]
    public void The_signer_is_given_the_signed_content_and_the_signature_span()
    {
        byte[] expected = ConversationEvent.SignedContentFor(Conversation, Author, Parents, Timestamp, ChainId, 7, new byte[32],
            Ciphertext);
        byte[]? seen = null;

        ConversationEvent e = ConversationEvent.Create(Conversation, Author, Parents, Timestamp, ChainId, 7, new byte[32], Ciphertext,
            (content, signature) =>
            {
                seen = content.ToArray();
                Assert.Equal(Ed25519.SignatureSize, signature.Length);
                signature.Fill(0xEE);
            });

        Assert.Equal(expected, seen);
        Assert.All(e.Signature.ToArray(), b => Assert.Equal(0xEE, b));
    }

    [Fact]
    public void Create_refuses_fields_no_event_has_before_asking_for_a_signature()
    {
        var signed = false;
        void Signer(ReadOnlySpan<byte> content, Span<byte> signature) => signed = true;

        Assert.Throws<ArgumentException>(() => ConversationEvent.Create(Conversation, Author, [Parents[0], Parents[0]], Timestamp,
            ChainId, 7, new byte[32], Ciphertext, Signer));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConversationEvent.Create(Conversation, Author, Parents, -1, ChainId, 7,
            new byte[32], Ciphertext, Signer));
        Assert.Throws<ArgumentException>(() => ConversationEvent.Create(Conversation, Author, Parents, Timestamp, ChainId.AsSpan(1),
            7, new byte[32], Ciphertext, Signer));
        Assert.False(signed);
    }

    private static ConversationEvent ByConstructor(ConversationId conversation, DeviceId author, EventId[] parents, long timestamp,
        byte[] chainId, uint index, byte[] ciphertext, byte[] seed)
    {
        byte[] publicKey = new byte[Ed25519.PublicKeySize];
        Ed25519.DerivePublicKey(seed, publicKey);
        byte[] content = ConversationEvent.SignedContentFor(conversation, author, parents, timestamp, chainId, index, publicKey,
            ciphertext);
        byte[] signature = new byte[Ed25519.SignatureSize];
        Ed25519.Sign(seed, content, signature);
        return new ConversationEvent(conversation, author, parents, timestamp, chainId, index, publicKey, ciphertext, signature);
    }

    private static byte[] Run(byte first, int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(first + i))];
}
