using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Kith.Primitives.Errors;

namespace Kith.Wire.Ratchet;

/// <summary>
/// The plaintext of a Double Ratchet message header, HEADER(dh_pair, pn, n) (Signal, "The Double
/// Ratchet Algorithm", §3.1, §3.4): the sender's current ratchet public key, the number of messages in
/// its previous sending chain (PN) and the message's number in the current chain (N). With header
/// encryption (§4) these 40 bytes are what HENCRYPT seals.
/// </summary>
/// <remarks>Layout: <c>DH public key (32) ‖ PN (uint32, big-endian) ‖ N (uint32, big-endian)</c>.</remarks>
public readonly ref struct RatchetHeader
{
    /// <summary>Size of an X25519 ratchet public key.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Size of the encoded header.</summary>
    public const int Size = PublicKeySize + 4 + 4;

    /// <summary>Makes a header; <paramref name="ratchetPublicKey"/> must be 32 bytes.</summary>
    public RatchetHeader(ReadOnlySpan<byte> ratchetPublicKey, uint previousChainLength, uint messageNumber)
    {
        if (ratchetPublicKey.Length != PublicKeySize)
        {
            throw new ArgumentException($"A ratchet public key is {PublicKeySize} bytes.", nameof(ratchetPublicKey));
        }

        RatchetPublicKey = ratchetPublicKey;
        PreviousChainLength = previousChainLength;
        MessageNumber = messageNumber;
    }

    /// <summary>The sender's ratchet public key (header.dh).</summary>
    public ReadOnlySpan<byte> RatchetPublicKey { get; }

    /// <summary>PN: how many messages the sender sent in its previous sending chain (header.pn).</summary>
    public uint PreviousChainLength { get; }

    /// <summary>N: the message's number in the sender's current chain (header.n).</summary>
    public uint MessageNumber { get; }

    /// <summary>Writes the 40-byte encoding into <paramref name="destination"/>.</summary>
    public void Encode(Span<byte> destination)
    {
        if (destination.Length != Size)
        {
            throw new ArgumentException($"A ratchet header is {Size} bytes.", nameof(destination));
        }

        RatchetPublicKey.CopyTo(destination);
        BinaryPrimitives.WriteUInt32BigEndian(destination[PublicKeySize..], PreviousChainLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination[(PublicKeySize + 4)..], MessageNumber);
    }

    /// <summary>
    /// Decodes a header. The plaintext only exists after HDECRYPT authenticated it, but the decoder still
    /// checks its length so that it holds for any bytes.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out RatchetHeader header, [NotNullWhen(false)] out KithError? error)
    {
        header = default;
        var reader = new WireReader(encoded);
        _ = reader.TryReadSpan(PublicKeySize, out ReadOnlySpan<byte> publicKey);
        _ = reader.TryReadUInt32(out uint previousChainLength);
        _ = reader.TryReadUInt32(out uint messageNumber);
        if (!reader.TryFinish(out error))
        {
            error ??= WireErrors.Malformed;
            return false;
        }

        header = new RatchetHeader(publicKey, previousChainLength, messageNumber);
        return true;
    }
}
