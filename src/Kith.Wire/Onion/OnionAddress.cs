using Kith.Crypto;
using Kith.Primitives.Errors;

namespace Kith.Wire.Onion;

/// <summary>
/// A version 3 onion address (rend-spec-v3 §6 "Encoding onion addresses [ONIONADDRESS]"):
/// <c>base32(PUBKEY | CHECKSUM | VERSION) + ".onion"</c> with <c>CHECKSUM = SHA3-256(".onion checksum" | PUBKEY | VERSION)[:2]</c>
/// and <c>VERSION = 0x03</c>. Device records carry it and Kith.Tor checks tor's <c>ADD_ONION</c> answer against it.
/// </summary>
public sealed class OnionAddress : IEquatable<OnionAddress>
{
    /// <summary>Bytes of the service's Ed25519 identity key.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Characters of the address without <c>.onion</c>: base32 of 35 bytes.</summary>
    public const int ServiceIdLength = 56;

    /// <summary>The address version byte.</summary>
    public const byte Version = 0x03;

    private const string Suffix = ".onion";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly byte[] ChecksumPrefix = ".onion checksum"u8.ToArray();

    private readonly byte[] _publicKey;

    private OnionAddress(byte[] publicKey, string serviceId)
    {
        _publicKey = publicKey;
        ServiceId = serviceId;
    }

    /// <summary>The 56 lower-case base32 characters, as <c>ADD_ONION</c> reports them in <c>ServiceID</c>.</summary>
    public string ServiceId { get; }

    /// <summary>The host name: <see cref="ServiceId"/> followed by <c>.onion</c>.</summary>
    public string HostName => ServiceId + Suffix;

    /// <summary>The service's Ed25519 public identity key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>The address of the service whose identity key is <paramref name="publicKey"/>.</summary>
    public static OnionAddress FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeySize)
        {
            throw new ArgumentException("An Ed25519 public key is 32 bytes.", nameof(publicKey));
        }

        Span<byte> raw = stackalloc byte[PublicKeySize + 3];
        publicKey.CopyTo(raw);
        Checksum(publicKey, raw.Slice(PublicKeySize, 2));
        raw[^1] = Version;
        return new OnionAddress(publicKey.ToArray(), Base32(raw));
    }

    /// <summary>
    /// Reads an address with or without <c>.onion</c>, in either case; rejects wrong length, characters, version or
    /// checksum (rend-spec-v3 §6).
    /// </summary>
    public static Result<OnionAddress> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var id = text.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) ? text[..^Suffix.Length] : text;
        if (id.Length != ServiceIdLength)
        {
            return BadAddress;
        }

        Span<byte> raw = stackalloc byte[PublicKeySize + 3];
        ulong buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var ch in id)
        {
            var value = Alphabet.IndexOf(char.ToLowerInvariant(ch), StringComparison.Ordinal);
            if (value < 0)
            {
                return BadAddress;
            }

            buffer = (buffer << 5) | (uint)value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                raw[written++] = unchecked((byte)(buffer >> bits));
            }
        }

        Span<byte> checksum = stackalloc byte[2];
        Checksum(raw[..PublicKeySize], checksum);
        if (raw[^1] != Version || !checksum.SequenceEqual(raw.Slice(PublicKeySize, 2)))
        {
            return BadAddress;
        }

        return new OnionAddress(raw[..PublicKeySize].ToArray(), id.ToLowerInvariant());
    }

    /// <inheritdoc/>
    public bool Equals(OnionAddress? other) => other is not null && ServiceId == other.ServiceId;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OnionAddress);

    /// <inheritdoc/>
    public override int GetHashCode() => ServiceId.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => HostName;

    /// <summary>The text is not a v3 onion address (length, characters, version or checksum).</summary>
    public static readonly KithError BadAddress = KithError.Reject("onion.bad_address", "Not a valid v3 onion address.");

    private static void Checksum(ReadOnlySpan<byte> publicKey, Span<byte> checksum)
    {
        Span<byte> input = stackalloc byte[ChecksumPrefix.Length + PublicKeySize + 1];
        ChecksumPrefix.CopyTo(input);
        publicKey.CopyTo(input[ChecksumPrefix.Length..]);
        input[^1] = Version;
        Span<byte> hash = stackalloc byte[Sha3_256.HashSize];
        Sha3_256.Hash(input, hash);
        hash[..2].CopyTo(checksum);
    }

    // RFC 4648 §6 base32, lower case as tor writes it; 35 bytes encode to exactly 56 characters, so no padding.
    private static string Base32(ReadOnlySpan<byte> data)
    {
        var chars = new char[data.Length * 8 / 5];
        ulong buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[written++] = Alphabet[(int)((buffer >> bits) & 31)];
            }
        }

        return new string(chars);
    }
}
