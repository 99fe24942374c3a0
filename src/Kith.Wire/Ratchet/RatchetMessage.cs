using System.Diagnostics.CodeAnalysis;
using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Wire.Ratchet;

/// <summary>
/// A Double Ratchet message with header encryption (Signal, "The Double Ratchet Algorithm", §4): the
/// pair (enc_header, ciphertext) that RatchetEncryptHE returns, framed for the wire. A view over the
/// encoded bytes; nothing is copied.
/// </summary>
/// <remarks>
/// <para>Layout (version 1), <see cref="Overhead"/> = 97 bytes beyond the plaintext:</para>
/// <code>
/// version (1) ‖ header nonce (24) ‖ encrypted header (40 + 16 tag) ‖ body ciphertext (plaintext + 16 tag)
/// </code>
/// <para>
/// Everything before the body is the <see cref="AuthenticatedPrefix"/>: the header cipher takes the
/// version byte as associated data, and the body cipher takes CONCAT(AD, prefix) (§3.4, §4), so every
/// bit of a message is authenticated.
/// </para>
/// </remarks>
public readonly ref struct RatchetMessage
{
    /// <summary>The only format version this build writes and reads.</summary>
    public const byte CurrentVersion = 1;

    /// <summary>Size of the random XChaCha20-Poly1305 nonce of the header cipher.</summary>
    public const int HeaderNonceSize = 24;

    /// <summary>Size of an AEAD tag (Poly1305).</summary>
    public const int TagSize = 16;

    /// <summary>Size of the encrypted header: the 40-byte header plus its tag.</summary>
    public const int EncryptedHeaderSize = RatchetHeader.Size + TagSize;

    /// <summary>Size of the version byte, header nonce and encrypted header.</summary>
    public const int PrefixSize = 1 + HeaderNonceSize + EncryptedHeaderSize;

    /// <summary>Bytes a message adds to its plaintext.</summary>
    public const int Overhead = PrefixSize + TagSize;

    /// <summary>The largest encoded message (<see cref="Limits.RatchetMaxPlaintextSize"/> plus the overhead).</summary>
    public const int MaxSize = Limits.RatchetMaxPlaintextSize + Overhead;

    private RatchetMessage(ReadOnlySpan<byte> encoded)
    {
        AuthenticatedPrefix = encoded[..PrefixSize];
        HeaderNonce = encoded.Slice(1, HeaderNonceSize);
        EncryptedHeader = encoded.Slice(1 + HeaderNonceSize, EncryptedHeaderSize);
        Body = encoded[PrefixSize..];
    }

    /// <summary>The version byte, header nonce and encrypted header: the enc_header of §4.</summary>
    public ReadOnlySpan<byte> AuthenticatedPrefix { get; }

    /// <summary>The header cipher's nonce.</summary>
    public ReadOnlySpan<byte> HeaderNonce { get; }

    /// <summary>HENCRYPT(hk, header): the encrypted header with its tag.</summary>
    public ReadOnlySpan<byte> EncryptedHeader { get; }

    /// <summary>ENCRYPT(mk, plaintext, ...): the body ciphertext with its tag.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>The plaintext length of the body.</summary>
    public int PlaintextLength => Body.Length - TagSize;

    /// <summary>The encoded size of a message carrying <paramref name="plaintextLength"/> bytes.</summary>
    public static int GetEncodedLength(int plaintextLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plaintextLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(plaintextLength, Limits.RatchetMaxPlaintextSize);
        return plaintextLength + Overhead;
    }

    /// <summary>
    /// Writes the version byte of a message carrying <paramref name="plaintextLength"/> bytes into
    /// <paramref name="destination"/> (exactly <see cref="GetEncodedLength"/> bytes) and gives the slots
    /// the sender fills in: header nonce, encrypted header and body.
    /// </summary>
    public static void Layout(Span<byte> destination, int plaintextLength,
        out Span<byte> headerNonce, out Span<byte> encryptedHeader, out Span<byte> body)
    {
        if (destination.Length != GetEncodedLength(plaintextLength))
        {
            throw new ArgumentException("The destination must be exactly the encoded length.", nameof(destination));
        }

        destination[0] = CurrentVersion;
        headerNonce = destination.Slice(1, HeaderNonceSize);
        encryptedHeader = destination.Slice(1 + HeaderNonceSize, EncryptedHeaderSize);
        body = destination[PrefixSize..];
    }

    /// <summary>
    /// Reads the framing of untrusted bytes. Never throws; on failure gives <c>wire.unknown_version</c>,
    /// <c>wire.truncated</c> or <c>wire.oversized</c>. Authenticity is the ratchet's job.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out RatchetMessage message, [NotNullWhen(false)] out KithError? error)
    {
        message = default;
        if (encoded.IsEmpty)
        {
            error = WireErrors.Truncated;
            return false;
        }

        if (encoded[0] != CurrentVersion)
        {
            error = WireErrors.UnknownVersion;
            return false;
        }

        if (encoded.Length < Overhead)
        {
            error = WireErrors.Truncated;
            return false;
        }

        if (encoded.Length > MaxSize)
        {
            error = WireErrors.Oversized;
            return false;
        }

        message = new RatchetMessage(encoded);
        error = null;
        return true;
    }
}
