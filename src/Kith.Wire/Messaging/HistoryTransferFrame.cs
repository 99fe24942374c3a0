using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Wire.Messaging;

/// <summary>
/// What an own device sends a newly linked one for one <see cref="HistoryBatch"/>: a fresh batch key sealed on their
/// pairwise session, and the batch encrypted under that key (Signal sends attachments the same way: the blob is
/// encrypted under a random key that travels in the pairwise message), because a batch can be larger than one
/// ratchet message.
/// </summary>
/// <remarks>Encoding: <c>version (1) ‖ key envelope length (u16) ‖ key envelope ‖ ciphertext</c>.</remarks>
/// <param name="KeyEnvelope">A session envelope holding the 32-byte batch key.</param>
/// <param name="Ciphertext">XChaCha20-Poly1305 of the encoded batch under that key.</param>
public sealed record HistoryTransferFrame(byte[] KeyEnvelope, byte[] Ciphertext)
{
    /// <summary>Current frame version.</summary>
    public const byte Version = 1;

    /// <summary>Largest key envelope: a PQXDH initial message with a small ratchet message fits well within it.</summary>
    public const int MaxKeyEnvelopeSize = Limits.MaxAnnouncementEnvelopeSize;

    /// <summary>Encodes the frame.</summary>
    public byte[] ToBytes() => new WireWriter(3 + KeyEnvelope.Length + Ciphertext.Length).Byte(Version).Prefixed16(KeyEnvelope).Bytes(Ciphertext).ToArray();

    /// <summary>Decodes untrusted bytes; never throws.</summary>
    public static Result<HistoryTransferFrame> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        if (!reader.TryReadByte(out byte version) || !reader.TryReadPrefixed16(MaxKeyEnvelopeSize, out ReadOnlySpan<byte> envelope))
        {
            return reader.Error!;
        }

        if (version != Version)
        {
            return WireErrors.UnknownVersion;
        }

        if (reader.Remaining > Limits.MaxHistoryBatchBytes + 16)
        {
            return WireErrors.Oversized;
        }

        _ = reader.TryReadSpan(reader.Remaining, out ReadOnlySpan<byte> ciphertext);
        return new HistoryTransferFrame(envelope.ToArray(), ciphertext.ToArray());
    }

    /// <summary>Prints sizes only.</summary>
    public override string ToString() => $"HistoryTransferFrame({Ciphertext.Length} bytes)";
}
