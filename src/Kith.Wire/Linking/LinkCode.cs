using Kith.Crypto;
using Kith.Primitives;

namespace Kith.Wire.Linking;

/// <summary>
/// The one-time code a new device shows so that an existing device of the account can link it: the new
/// device's onion key (where to reach it; its signed device record must carry the same key), a 128-bit secret
/// that authenticates both sides' first messages, and an expiry. Text form: <c>KITHLINK-</c> and Crockford base32
/// of <c>version(1) onionKey(32) secret(16) expiresAtUnixMs(8) checksum(4)</c>, about 100 characters; the
/// QR payload uses <c>KITHLINK:</c> so it stays in QR's alphanumeric set.
/// </summary>
public sealed class LinkCode : IDisposable
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 1;

    /// <summary>Size of the shared secret.</summary>
    public const int SecretSize = 16;

    /// <summary>Prefix of the text form.</summary>
    public const string TextPrefix = "KITHLINK-";

    /// <summary>Prefix of the QR form.</summary>
    public const string QrPrefix = "KITHLINK:";

    private const int ChecksumSize = 4;
    private const int EncodedSize = 1 + 32 + SecretSize + 8;

    /// <summary>Makes a code.</summary>
    public LinkCode(byte[] onionKey, SecretBytes secret, long expiresAtUnixMs)
    {
        ArgumentNullException.ThrowIfNull(onionKey);
        ArgumentNullException.ThrowIfNull(secret);
        if (onionKey.Length != 32 || secret.Length != SecretSize)
        {
            throw new ArgumentException("A link code holds a 32-byte onion key and a 16-byte secret.");
        }

        OnionKey = onionKey;
        Secret = secret;
        ExpiresAtUnixMs = expiresAtUnixMs;
    }

    /// <summary>The new device's onion service key.</summary>
    public byte[] OnionKey { get; }

    /// <summary>The one-time secret.</summary>
    public SecretBytes Secret { get; }

    /// <summary>When the code stops working.</summary>
    public long ExpiresAtUnixMs { get; }

    /// <summary>The text form to show or type.</summary>
    public string ToText() => TextPrefix + Body();

    /// <summary>The QR payload.</summary>
    public string ToQrPayload() => QrPrefix + Body();

    /// <summary>A digest that identifies the code without revealing it (for remembering used codes).</summary>
    public byte[] Digest()
    {
        var digest = new byte[32];
        Blake2b.Hash(Secret.Span, digest, "Kith v1 link code digest"u8);
        return digest;
    }

    /// <summary>Parses a typed, pasted or scanned code; null when it is not a well-formed code (typo, cut off, wrong checksum).</summary>
    public static LinkCode? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > Limits.MaxLinkCodeTextLength)
        {
            return null;
        }

        string compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        ReadOnlySpan<char> body;
        if (compact.StartsWith(QrPrefix, StringComparison.OrdinalIgnoreCase))
        {
            body = compact.AsSpan(QrPrefix.Length);
        }
        else if (compact.StartsWith(TextPrefix, StringComparison.OrdinalIgnoreCase))
        {
            body = compact.AsSpan(TextPrefix.Length);
        }
        else
        {
            return null;
        }

        byte[]? bytes = CrockfordBase32.TryDecode(body);
        if (bytes is null || bytes.Length != EncodedSize + ChecksumSize || bytes[0] != Version
            || !Checksum(bytes.AsSpan(0, EncodedSize)).AsSpan().SequenceEqual(bytes.AsSpan(EncodedSize)))
        {
            return null;
        }

        var reader = new WireReader(bytes.AsSpan(1, EncodedSize - 1));
        _ = reader.TryReadSpan(32, out ReadOnlySpan<byte> onionKey);
        _ = reader.TryReadSpan(SecretSize, out ReadOnlySpan<byte> secret);
        _ = reader.TryReadUInt64(out ulong expiresAt);
        LinkCode? code = expiresAt > long.MaxValue ? null : new LinkCode(onionKey.ToArray(), SecretBytes.CopyFrom(secret), (long)expiresAt);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        return code;
    }

    /// <summary>Zeroes the secret.</summary>
    public void Dispose() => Secret.Dispose();

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"LinkCode({Redacted.Text})";

    private string Body()
    {
        byte[] encoded = new WireWriter(EncodedSize + ChecksumSize).Byte(Version).Bytes(OnionKey).Bytes(Secret.Span)
            .U64((ulong)ExpiresAtUnixMs).ToArray();
        byte[] withChecksum = [.. encoded, .. Checksum(encoded)];
        string text = CrockfordBase32.Encode(withChecksum);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(encoded);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(withChecksum);
        return text;
    }

    private static byte[] Checksum(ReadOnlySpan<byte> encoded)
    {
        var hash = new byte[ChecksumSize];
        Blake2b.Hash(encoded, hash, "Kith v1 link code checksum"u8);
        return hash;
    }
}
