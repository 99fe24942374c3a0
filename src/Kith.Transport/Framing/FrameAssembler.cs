using System.Buffers;
using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Transport.Framing;

/// <summary>
/// Joins decrypted chunks (see <see cref="ChunkHeader"/>) back into application frames. Sans-IO. Memory is
/// bounded by <see cref="Limits.LinkMaxFrameLength"/>: a chunk that would pass it is refused before it is copied.
/// </summary>
internal sealed class FrameAssembler
{
    private readonly int _maxFrameLength;
    private readonly ArrayBufferWriter<byte> _partial = new();

    /// <summary>Creates an assembler for frames of at most <paramref name="maxFrameLength"/> bytes.</summary>
    public FrameAssembler(int maxFrameLength = Limits.LinkMaxFrameLength)
    {
        _maxFrameLength = maxFrameLength;
    }

    /// <summary>Bytes of the frame being assembled.</summary>
    public int BufferedBytes => _partial.WrittenCount;

    /// <summary>
    /// Adds one decrypted chunk. Returns the whole frame when the chunk is final, <c>null</c> when more are
    /// expected or the chunk was a keepalive, or an error (bad header, frame too large), after which the link must be dropped.
    /// </summary>
    public Result<byte[]?> Add(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < ChunkHeader.Size || chunk[0] is not (ChunkHeader.More or ChunkHeader.Final or ChunkHeader.Keepalive))
        {
            return TransportErrors.BadChunk;
        }

        if (chunk[0] == ChunkHeader.Keepalive)
        {
            // Carries nothing; a keepalive with data is not one.
            return chunk.Length == ChunkHeader.Size ? Result<byte[]?>.Ok(null) : TransportErrors.BadChunk;
        }

        ReadOnlySpan<byte> data = chunk[ChunkHeader.Size..];
        if (_partial.WrittenCount + data.Length > _maxFrameLength)
        {
            return TransportErrors.OversizedFrame;
        }

        _partial.Write(data);
        if (chunk[0] == ChunkHeader.More)
        {
            return Result<byte[]?>.Ok(null);
        }

        byte[] frame = _partial.WrittenSpan.ToArray();
        _partial.Clear();
        return frame;
    }
}
