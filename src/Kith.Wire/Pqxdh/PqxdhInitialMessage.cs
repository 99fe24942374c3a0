using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Wire.Pqxdh;

/// <summary>
/// A PQXDH initial message (Signal PQXDH §3.3): the <see cref="PqxdhInitialHeader"/> followed by the
/// first Double Ratchet message, which this layer treats as opaque bytes ("an initial ciphertext encrypted
/// ... using AD as associated data").
/// </summary>
/// <remarks>
/// Encoding (version 1): the header (whose first byte is the version), then a 32-bit big-endian length
/// and the payload, at most <see cref="Limits.MaxPqxdhInitialPayload"/> bytes. Sizes: header 1,738 bytes
/// without a one-time prekey, 1,742 with one; the message adds 4 bytes and the payload.
/// </remarks>
public sealed class PqxdhInitialMessage
{
    /// <summary>Pairs a header with the first ratchet message; an oversized payload is a caller bug.</summary>
    public PqxdhInitialMessage(PqxdhInitialHeader header, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, Limits.MaxPqxdhInitialPayload, nameof(payload));
        Header = header;
        Payload = payload;
    }

    /// <summary>The key-agreement fields.</summary>
    public PqxdhInitialHeader Header { get; }

    /// <summary>The first Double Ratchet message, opaque here.</summary>
    public byte[] Payload { get; }

    /// <summary>Appends the encoding.</summary>
    public void Encode(WireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Encode(writer);
        writer.Prefixed32(Payload);
    }

    /// <summary>Encodes to a new array.</summary>
    public byte[] ToBytes()
    {
        var writer = new WireWriter(Header.EncodedSize + 4 + Payload.Length);
        Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Reads one message from <paramref name="reader"/>; on failure the reader holds the error.</summary>
    public static bool TryRead(ref WireReader reader, out PqxdhInitialMessage? message)
    {
        message = null;
        if (!PqxdhInitialHeader.TryRead(ref reader, out PqxdhInitialHeader? header)
            || !reader.TryReadPrefixed32(Limits.MaxPqxdhInitialPayload, out ReadOnlySpan<byte> payload))
        {
            return false;
        }

        message = new PqxdhInitialMessage(header!, payload.ToArray());
        return true;
    }

    /// <summary>Decodes exactly one message from untrusted <paramref name="bytes"/>; trailing bytes are an error.</summary>
    public static Result<PqxdhInitialMessage> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        bool read = TryRead(ref reader, out PqxdhInitialMessage? message);
        return read && reader.TryFinish(out _) ? message! : reader.Error!;
    }

    /// <summary>Prints the header's ids and the payload size.</summary>
    public override string ToString() => $"PqxdhInitialMessage({Header}, payload {Payload.Length} bytes)";
}
