using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.Accounts;

/// <summary>
/// One entry of an account's membership log (PROTOCOL.md, accounts): a node of a hash-linked DAG whose
/// parents are the author's heads, as in Matrix rooms and Keybase sigchains. The entry id is the BLAKE2b-256
/// hash of the whole encoding; the genesis entry's id is the account id.
/// </summary>
/// <remarks>
/// Encoding, all integers big-endian:
/// <c>version(1) kind(1) [account(32), absent in genesis] parentCount(1) parents(32 each) author(32)
/// createdAtUnixMs(8) body signature(64) [coSignature(64), add-device only]</c>, where the body is a
/// 16-byte nonce (genesis), the subject device (add, revoke) or a 16-bit-prefixed UTF-8 name (profile).
/// The signatures cover a domain label and every byte before them. This type only encodes and decodes;
/// <c>Kith.Protocol.Accounts</c> signs and validates.
/// </remarks>
public sealed class AccountEntry
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 1;

    /// <summary>Size of the random nonce that makes each genesis (and so each account id) unique.</summary>
    public const int GenesisNonceSize = 16;

    /// <summary>Ed25519 signature size.</summary>
    public const int SignatureSize = 64;

    private readonly byte[] _encoded;

    internal AccountEntry(AccountEntryKind kind, AccountId account, IReadOnlyList<EventId> parents, DeviceId author,
        long createdAtUnixMs, byte[] body, byte[] signature, byte[]? coSignature, byte[] encoded)
    {
        Kind = kind;
        Account = account;
        Parents = parents;
        Author = author;
        CreatedAtUnixMs = createdAtUnixMs;
        Body = body;
        Signature = signature;
        CoSignature = coSignature;
        _encoded = encoded;
        Id = EventId.FromBytes(AccountEntryCodec.Hash(encoded));
    }

    /// <summary>What the entry does.</summary>
    public AccountEntryKind Kind { get; }

    /// <summary>The account the entry belongs to; default (all zero) for a genesis entry, which defines it.</summary>
    public AccountId Account { get; }

    /// <summary>The entry's parents, strictly ascending; empty only for genesis.</summary>
    public IReadOnlyList<EventId> Parents { get; }

    /// <summary>The member device that wrote and signed the entry.</summary>
    public DeviceId Author { get; }

    /// <summary>The author's clock when writing; never earlier than any parent's.</summary>
    public long CreatedAtUnixMs { get; }

    /// <summary>The kind-specific body (nonce, device id or prefixed name).</summary>
    public byte[] Body { get; }

    /// <summary>The author's signature.</summary>
    public byte[] Signature { get; }

    /// <summary>The new device's signature (add-device only).</summary>
    public byte[]? CoSignature { get; }

    /// <summary>BLAKE2b-256 of the encoding.</summary>
    public EventId Id { get; }

    /// <summary>The device added or revoked (add-device and revoke-device only).</summary>
    public DeviceId Subject => Kind is AccountEntryKind.AddDevice or AccountEntryKind.RevokeDevice
        ? DeviceId.FromBytes(Body)
        : throw new InvalidOperationException("Only add-device and revoke-device entries have a subject device.");

    /// <summary>The display name (profile only).</summary>
    public string DisplayName => Kind == AccountEntryKind.Profile
        ? AccountEntryCodec.Utf8.GetString(Body.AsSpan(2))
        : throw new InvalidOperationException("Only profile entries carry a display name.");

    /// <summary>The encoding, which the entry id hashes.</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    /// <summary>A copy of the encoding.</summary>
    public byte[] ToBytes() => (byte[])_encoded.Clone();

    /// <summary>
    /// The bytes the author and co-signer sign (a domain label and everything before the signatures).
    /// <paramref name="coSigner"/> selects the co-signer's label, so neither signature can stand in for the other.
    /// </summary>
    public byte[] SignedPayload(bool coSigner) => AccountEntryCodec.SignedPayload(UnsignedBytes, coSigner);

    /// <summary>The entry without its signatures: what <see cref="BuildUnsigned"/> made for it.</summary>
    public ReadOnlySpan<byte> UnsignedBytes => _encoded.AsSpan(0, _encoded.Length - SignatureSize - (CoSignature is null ? 0 : SignatureSize));

    /// <summary>Builds an unsigned entry's bytes (what both signers sign, after the label).</summary>
    public static byte[] BuildUnsigned(AccountEntryKind kind, AccountId account, IReadOnlyList<EventId> parents, DeviceId author,
        long createdAtUnixMs, ReadOnlySpan<byte> body) =>
        AccountEntryCodec.WriteUnsigned(kind, account, parents, author, createdAtUnixMs, body);

    /// <summary>The bytes to sign for an unsigned entry made by <see cref="BuildUnsigned"/>.</summary>
    public static byte[] SignedPayloadOf(ReadOnlySpan<byte> unsignedEntry, bool coSigner) =>
        AccountEntryCodec.SignedPayload(unsignedEntry, coSigner);

    /// <summary>Joins an unsigned entry and its signatures into an entry.</summary>
    public static Result<AccountEntry> Assemble(ReadOnlySpan<byte> unsignedEntry, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> coSignature)
    {
        var writer = new WireWriter(unsignedEntry.Length + (2 * SignatureSize));
        writer.Bytes(unsignedEntry).Bytes(signature).Bytes(coSignature);
        return Decode(writer.WrittenSpan);
    }

    /// <summary>Decodes exactly one entry from untrusted bytes (format only; signatures are not checked here).</summary>
    public static Result<AccountEntry> Decode(ReadOnlySpan<byte> bytes) => AccountEntryCodec.Decode(bytes);

    /// <inheritdoc/>
    public override string ToString() => $"AccountEntry({Kind}, {Id})";
}
