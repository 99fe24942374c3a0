using System.Buffers.Binary;
using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Transport.Framing;

/// <summary>
/// Noise messages on a byte stream: each is preceded by its length as a 16-bit big-endian integer, the framing
/// Noise rev. 34 §3 suggests for stream transports (a message is at most 65535 bytes, so the prefix always fits).
/// </summary>
internal static class LengthPrefix
{
    /// <summary>Bytes of the prefix.</summary>
    public const int Size = 2;

    /// <summary>Writes the prefix for a message of <paramref name="length"/> bytes.</summary>
    public static void Write(Span<byte> destination, int length) =>
        BinaryPrimitives.WriteUInt16BigEndian(destination, checked((ushort)length));

    /// <summary>
    /// Reads one message into <paramref name="buffer"/>, refusing a length above <paramref name="maxLength"/>
    /// before reading its body, so a peer cannot make the reader buffer more than that.
    /// </summary>
    /// <returns>The message length; <see cref="TransportErrors.Closed"/> at end of stream or on an I/O error;
    /// <paramref name="tooLong"/> when the prefix announces more than allowed.</returns>
    public static async ValueTask<Result<int>> ReadAsync(
        Stream stream, byte[] buffer, int maxLength, KithError tooLong, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer.AsMemory(0, Size), cancellationToken).ConfigureAwait(false);
            int length = BinaryPrimitives.ReadUInt16BigEndian(buffer);
            if (length > maxLength || length > Limits.NoiseMaxMessageLength)
            {
                return tooLong;
            }

            await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            return length;
        }
        catch (Exception e) when (StreamFailure.IsClosed(e))
        {
            return TransportErrors.Closed;
        }
    }
}
