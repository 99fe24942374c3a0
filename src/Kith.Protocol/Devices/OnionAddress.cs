using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Wire;

namespace Kith.Protocol.Devices;

/// <summary>
/// A Tor v3 onion address (rend-spec-v3 §6, "Encoding onion addresses [ONIONADDRESS]"):
/// <c>base32(PUBKEY | CHECKSUM | VERSION) + ".onion"</c>, with <c>CHECKSUM = SHA3-256(".onion checksum" |
/// PUBKEY | VERSION)[:2]</c> and <c>VERSION = 0x03</c>, in lower-case RFC 4648 base32 without padding (56 characters).
/// </summary>
public sealed class OnionAddress : IEquatable<OnionAddress>
{
    /// <summary>The Ed25519 public key size (<c>KP_hs_id</c>).</summary>
    public const int PublicKeySize = 32;

    private const byte OnionVersion = 3;
    private const string Suffix = ".onion";
    private const string Rfc4648Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private readonly byte[] _publicKey;

    private OnionAddress(byte[] publicKey, string text)
    {
        _publicKey = publicKey;
        Text = text;
    }

    /// <summary>The service's Ed25519 public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>The address, e.g. <c>pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion</c>.</summary>
    public string Text { get; }

    /// <summary>The address of the service with public key <paramref name="publicKey"/>.</summary>
    public static OnionAddress FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeySize)
        {
            throw new ArgumentException("An onion service key is 32 bytes.", nameof(publicKey));
        }

        var raw = new byte[PublicKeySize + 3];
        publicKey.CopyTo(raw);
        Checksum(publicKey).CopyTo(raw.AsSpan(PublicKeySize));
        raw[^1] = OnionVersion;
        return new OnionAddress(publicKey.ToArray(), Base32Lower(raw) + Suffix);
    }

    /// <summary>Parses an address (with or without <c>.onion</c>, any case), checking its version and checksum.</summary>
    public static Result<OnionAddress> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string lower = text.Trim().ToLowerInvariant();
        if (lower.EndsWith(Suffix, StringComparison.Ordinal))
        {
            lower = lower[..^Suffix.Length];
        }

        if (lower.Length != 56)
        {
            return DeviceErrors.BadOnionAddress;
        }

        var raw = new byte[35];
        int buffer = 0, bits = 0, o = 0;
        foreach (char c in lower)
        {
            int value = Rfc4648Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return DeviceErrors.BadOnionAddress;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                raw[o++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        ReadOnlySpan<byte> key = raw.AsSpan(0, PublicKeySize);
        return raw[^1] == OnionVersion && Checksum(key).AsSpan().SequenceEqual(raw.AsSpan(PublicKeySize, 2))
            ? FromPublicKey(key)
            : DeviceErrors.BadOnionAddress;
    }

    /// <inheritdoc/>
    public bool Equals(OnionAddress? other) => other is not null && _publicKey.AsSpan().SequenceEqual(other._publicKey);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as OnionAddress);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The address text.</summary>
    public override string ToString() => Text;

    private static byte[] Checksum(ReadOnlySpan<byte> publicKey)
    {
        var input = new WireWriter(64).Bytes(".onion checksum"u8).Bytes(publicKey).Byte(OnionVersion);
        Span<byte> hash = stackalloc byte[Sha3_256.HashSize];
        Sha3_256.Hash(input.WrittenSpan, hash);
        return hash[..2].ToArray();
    }

    private static string Base32Lower(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length * 8) / 5];
        int buffer = 0, bits = 0, o = 0;
        foreach (byte b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[o++] = Rfc4648Alphabet[(buffer >> bits) & 31];
            }

            buffer &= (1 << bits) - 1;
        }

        return new string(chars);
    }
}
