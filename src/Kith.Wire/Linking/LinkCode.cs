using Kith.Crypto;
using Kith.Primitives;
using Kith.Wire.Devices;

namespace Kith.Wire.Linking;

/// <summary>
/// The one-time code a new device shows so that an existing device of the account can link it: the new
/// device's onion key (where to reach it; its signed device record must carry the same key), its link static key
/// (the X25519 key its Noise handshake proves, so the existing device dials it like any known peer), a 128-bit
/// secret that authenticates both sides' first messages, an expiry and, in direct mode only, the TCP endpoint to
/// dial (NOT ANONYMOUS: it reveals the new device's address). Text form: <c>KITHLINK-</c> and Crockford base32 of
/// <c>version(1) onionKey(32) staticKey(32) secret(16) expiresAtUnixMs(8) [host(u16-prefixed) port(2)] checksum(4)</c>,
/// about 150 characters; the QR payload uses <c>KITHLINK:</c> so it stays in QR's alphanumeric set.
/// </summary>
public sealed class LinkCode : IDisposable
{
    /// <summary>
    /// Current encoding version. Version 1 carried no static key, so the existing device could not authenticate
    /// the new device's end of the link before sending its own identity; it is no longer read.
    /// </summary>
    public const byte Version = 2;

    /// <summary>Size of the shared secret.</summary>
    public const int SecretSize = 16;

    /// <summary>Prefix of the text form.</summary>
    public const string TextPrefix = "KITHLINK-";

    /// <summary>Prefix of the QR form.</summary>
    public const string QrPrefix = "KITHLINK:";

    private const int KeySize = 32;
    private const int ChecksumSize = 4;
    private const int FixedSize = 1 + KeySize + KeySize + SecretSize + 8;

    /// <summary>Makes a code.</summary>
    /// <param name="onionKey">The new device's onion service key.</param>
    /// <param name="staticKey">The X25519 key the new device's link handshake proves.</param>
    /// <param name="secret">The one-time secret (taken over: disposed with the code).</param>
    /// <param name="expiresAtUnixMs">When the code stops working.</param>
    /// <param name="direct">Direct mode only (NOT ANONYMOUS): where to dial the new device.</param>
    public LinkCode(byte[] onionKey, byte[] staticKey, SecretBytes secret, long expiresAtUnixMs, DeviceTransport? direct = null)
    {
        ArgumentNullException.ThrowIfNull(onionKey);
        ArgumentNullException.ThrowIfNull(staticKey);
        ArgumentNullException.ThrowIfNull(secret);
        if (onionKey.Length != KeySize || staticKey.Length != KeySize || secret.Length != SecretSize)
        {
            throw new ArgumentException("A link code holds a 32-byte onion key, a 32-byte static key and a 16-byte secret.");
        }

        if (direct is not null && (direct.Kind != TransportKind.DirectTcp || direct.Host.Length > Limits.MaxTransportHostLength))
        {
            throw new ArgumentException("A link code's endpoint is a direct TCP one.", nameof(direct));
        }

        OnionKey = onionKey;
        StaticKey = staticKey;
        Secret = secret;
        ExpiresAtUnixMs = expiresAtUnixMs;
        Direct = direct;
    }

    /// <summary>The new device's onion service key.</summary>
    public byte[] OnionKey { get; }

    /// <summary>The X25519 static key the new device proves in the link handshake.</summary>
    public byte[] StaticKey { get; }

    /// <summary>The one-time secret.</summary>
    public SecretBytes Secret { get; }

    /// <summary>When the code stops working.</summary>
    public long ExpiresAtUnixMs { get; }

    /// <summary>Where to dial the new device in direct mode (NOT ANONYMOUS), or null in tor mode.</summary>
    public DeviceTransport? Direct { get; }

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
        string? body = compact.StartsWith(QrPrefix, StringComparison.OrdinalIgnoreCase) ? compact[QrPrefix.Length..]
            : compact.StartsWith(TextPrefix, StringComparison.OrdinalIgnoreCase) ? compact[TextPrefix.Length..]
            : null;
        byte[]? bytes = body is null ? null : CrockfordBase32.TryDecode(body);
        if (bytes is null || bytes.Length < FixedSize + ChecksumSize || bytes[0] != Version
            || !Checksum(bytes.AsSpan(0, bytes.Length - ChecksumSize)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumSize)))
        {
            return null;
        }

        var reader = new WireReader(bytes.AsSpan(1, bytes.Length - 1 - ChecksumSize));
        LinkCode? code = Decode(ref reader);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        return code;
    }

    /// <summary>Zeroes the secret.</summary>
    public void Dispose() => Secret.Dispose();

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"LinkCode({Redacted.Text})";

    private static LinkCode? Decode(ref WireReader reader)
    {
        _ = reader.TryReadSpan(KeySize, out ReadOnlySpan<byte> onionKey);
        _ = reader.TryReadSpan(KeySize, out ReadOnlySpan<byte> staticKey);
        _ = reader.TryReadSpan(SecretSize, out ReadOnlySpan<byte> secret);
        _ = reader.TryReadUInt64(out ulong expiresAt);
        DeviceTransport? direct = null;
        if (reader.Remaining > 0)
        {
            if (!reader.TryReadPrefixed16(Limits.MaxTransportHostLength, out ReadOnlySpan<byte> host) || !reader.TryReadUInt16(out ushort port)
                || !System.Text.Ascii.IsValid(host))
            {
                return null;
            }

            direct = DeviceTransport.DirectTcp(System.Text.Encoding.ASCII.GetString(host), port);
        }

        return expiresAt > long.MaxValue || !reader.TryFinish(out _)
            ? null
            : new LinkCode(onionKey.ToArray(), staticKey.ToArray(), SecretBytes.CopyFrom(secret), (long)expiresAt, direct);
    }

    private string Body()
    {
        var writer = new WireWriter(FixedSize + 64).Byte(Version).Bytes(OnionKey).Bytes(StaticKey).Bytes(Secret.Span).U64((ulong)ExpiresAtUnixMs);
        if (Direct is not null)
        {
            writer.Prefixed16(System.Text.Encoding.ASCII.GetBytes(Direct.Host)).U16(Direct.Port);
        }

        byte[] encoded = writer.ToArray();
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
