using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire;

namespace Kith.Protocol.Trust;

/// <summary>
/// Safety numbers: Signal's numeric fingerprints (libsignal <c>NumericFingerprintGenerator</c>, "safety numbers"
/// in Signal's documentation) applied to Kith accounts. Each side's fingerprint is SHA-512 iterated 5200 times
/// over <c>version(2) ‖ key ‖ stableId</c>, then <c>hash ‖ key</c>; its first 30 bytes become 30 digits (six
/// 5-byte chunks, each modulo 100000). The two halves are shown in sorted order, so both people see the same 60
/// digits. The scannable form carries both fingerprints' first 32 bytes; scanning the other side's code checks
/// them crosswise.
/// </summary>
/// <remarks>
/// A multi-device account has no single identity key, so the "key" is the <see cref="AccountId"/>: the hash of
/// the genesis entry, which commits to the first device's identity key, and from which every later device must
/// chain through signed entries. Adding or revoking devices leaves the safety number unchanged; only another
/// account (a different genesis) changes it.
/// </remarks>
public sealed class SafetyNumber
{
    /// <summary>Hash iterations (libsignal: "5200 > 112 bits").</summary>
    public const int Iterations = 5200;

    /// <summary>Version of the fingerprint computation (Signal's <c>FINGERPRINT_VERSION</c>).</summary>
    public const ushort FingerprintVersion = 0;

    /// <summary>Version byte of the scannable form.</summary>
    public const byte ScannableVersion = 1;

    /// <summary>Prefix of the QR payload.</summary>
    public const string QrPrefix = "KITHSN:";

    private const int ScannableFingerprintSize = 32;
    private static readonly byte[] StableIdentifier = Encoding.ASCII.GetBytes("Kith account");

    private readonly byte[] _local;
    private readonly byte[] _remote;

    private SafetyNumber(byte[] local, byte[] remote)
    {
        _local = local;
        _remote = remote;
        string localDigits = DigitsOf(local);
        string remoteDigits = DigitsOf(remote);
        Digits = string.CompareOrdinal(localDigits, remoteDigits) <= 0 ? localDigits + remoteDigits : remoteDigits + localDigits;
    }

    /// <summary>The 60 digits, the same on both sides.</summary>
    public string Digits { get; }

    /// <summary>The digits in twelve groups of five, three lines of four groups, as Signal shows them.</summary>
    public string DisplayText => string.Join('\n', Digits.Chunk(20).Select(line => string.Join(' ', line.Chunk(5).Select(g => new string(g)))));

    /// <summary>Computes the safety number between the own account and a contact's.</summary>
    public static SafetyNumber Compute(AccountId local, AccountId remote) => new(Fingerprint(local), Fingerprint(remote));

    /// <summary>The scannable form: <c>version(1) localFingerprint(32) remoteFingerprint(32)</c>.</summary>
    public byte[] ToScannable() =>
        new WireWriter(1 + (2 * ScannableFingerprintSize)).Byte(ScannableVersion)
            .Bytes(_local.AsSpan(0, ScannableFingerprintSize)).Bytes(_remote.AsSpan(0, ScannableFingerprintSize)).ToArray();

    /// <summary>The QR payload (<c>KITHSN:</c> and the scannable form in Crockford base32, alphanumeric-mode friendly).</summary>
    public string ToQrPayload() => QrPrefix + CrockfordBase32.Encode(ToScannable());

    /// <summary>
    /// Checks the other side's scanned QR payload against this pair: their local must be our remote and their
    /// remote our local. A match is what moves a contact to validated.
    /// </summary>
    public Result<Unit> VerifyScanned(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        string trimmed = payload.Trim();
        if (!trimmed.StartsWith(QrPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TrustErrors.NotASafetyNumber;
        }

        byte[]? bytes = CrockfordBase32.TryDecode(trimmed.AsSpan(QrPrefix.Length));
        if (bytes is null || bytes.Length != 1 + (2 * ScannableFingerprintSize) || bytes[0] != ScannableVersion)
        {
            return TrustErrors.NotASafetyNumber;
        }

        bool match = bytes.AsSpan(1, ScannableFingerprintSize).SequenceEqual(_remote.AsSpan(0, ScannableFingerprintSize))
            && bytes.AsSpan(1 + ScannableFingerprintSize).SequenceEqual(_local.AsSpan(0, ScannableFingerprintSize));
        return match ? Result.Ok() : TrustErrors.SafetyNumberMismatch;
    }

    /// <summary>Checks digits a person typed or read out (spaces and line breaks ignored).</summary>
    public bool Matches(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        return string.Concat(digits.Where(c => !char.IsWhiteSpace(c))) == Digits;
    }

    /// <summary>The digits.</summary>
    public override string ToString() => Digits;

    private static byte[] Fingerprint(AccountId account)
    {
        byte[] key = account.ToArray();
        var version = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(version, FingerprintVersion);
        byte[] hash = [.. version, .. key, .. StableIdentifier];
        for (int i = 0; i < Iterations; i++)
        {
            byte[] next = new byte[Sha512.HashSize];
            Sha512.Hash([.. hash, .. key], next);
            hash = next;
        }

        return hash;
    }

    private static string DigitsOf(byte[] fingerprint)
    {
        var builder = new StringBuilder(30);
        for (int chunk = 0; chunk < 6; chunk++)
        {
            ulong value = 0;
            foreach (byte b in fingerprint.AsSpan(chunk * 5, 5))
            {
                value = (value << 8) | b;
            }

            builder.Append((value % 100000).ToString("D5", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
