using CsCheck;
using Kith.Transport.Framing;

namespace Kith.Transport.Tests.Framing;

public sealed class FrameAssemblerTests
{
    [Fact]
    public void Any_split_into_chunks_reassembles_the_frame_and_rejects_growth_past_the_maximum()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Int[1, 50].Array[1, 10]).Sample((frame, cuts) =>
        {
            var assembler = new FrameAssembler(maxFrameLength: 200);
            int offset = 0;
            foreach (int cut in cuts)
            {
                int take = Math.Min(cut, frame.Length - offset);
                if (offset + take == frame.Length)
                {
                    break;
                }

                var more = assembler.Add([ChunkHeader.More, .. frame.AsSpan(offset, take)]);
                if (offset + take > 200)
                {
                    return more.Error == TransportErrors.OversizedFrame;
                }

                offset += take;
            }

            var last = assembler.Add([ChunkHeader.Final, .. frame.AsSpan(offset)]);
            return frame.Length > 200
                ? last.Error == TransportErrors.OversizedFrame
                : last.IsOk && last.Value!.AsSpan().SequenceEqual(frame) && assembler.BufferedBytes == 0;
        });
    }

    [Fact]
    public void A_keepalive_yields_no_frame_and_leaves_a_frame_in_progress_intact()
    {
        var assembler = new FrameAssembler();
        Assert.Null(assembler.Add([ChunkHeader.More, 1, 2]).Value);
        Assert.Null(assembler.Add([ChunkHeader.Keepalive]).Value);
        Assert.Equal(new byte[] { 1, 2, 3 }, assembler.Add([ChunkHeader.Final, 3]).Value);
    }

    [Fact]
    public void A_keepalive_carrying_data_is_refused()
    {
        Assert.Equal(TransportErrors.BadChunk, new FrameAssembler().Add([ChunkHeader.Keepalive, 0]).Error);
    }

    [Fact]
    public void An_empty_chunk_without_a_header_is_refused()
    {
        Assert.Equal(TransportErrors.BadChunk, new FrameAssembler().Add([]).Error);
    }
}
