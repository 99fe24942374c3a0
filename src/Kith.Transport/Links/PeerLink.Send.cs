using System.Security.Cryptography;
using System.Threading.Channels;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Transport.Framing;

namespace Kith.Transport.Links;

/// <summary>Sending: a bounded queue drained by one writer that chunks, encrypts and length-prefixes.</summary>
public sealed partial class PeerLink
{
    /// <summary>
    /// Queues one frame (copied), waiting while <see cref="Limits.LinkSendQueueFrames"/> frames are already queued.
    /// Returns once the frame is queued, not written: only the peer's acknowledgement means it arrived.
    /// </summary>
    /// <returns>Ok; the close reason if the link is closed; <see cref="TransportErrors.OversizedFrame"/> (scope
    /// <see cref="ErrorScope.Input"/>, the link stays open) for a frame over the maximum.</returns>
    public async ValueTask<Result<Unit>> SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken = default)
    {
        if (frame.Length > Limits.LinkMaxFrameLength)
        {
            return TransportErrors.OversizedFrame with { Scope = ErrorScope.Input };
        }

        try
        {
            await _sendQueue.Writer.WriteAsync(frame.ToArray(), cancellationToken).ConfigureAwait(false);
            return Result.Ok();
        }
        catch (ChannelClosedException)
        {
            return await _closed.Task.ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        var message = new byte[LengthPrefix.Size + Limits.NoiseMaxMessageLength];
        var chunk = new byte[Limits.NoiseMaxTransportPayloadLength];
        try
        {
            await foreach (byte[]? queued in _sendQueue.Reader.ReadAllAsync(_closing.Token).ConfigureAwait(false))
            {
                bool keepalive = queued is null;
                byte[] frame = queued ?? [];
                int offset = 0;
                do
                {
                    int take = Math.Min(ChunkHeader.MaxData, frame.Length - offset);
                    chunk[0] = keepalive ? ChunkHeader.Keepalive : offset + take == frame.Length ? ChunkHeader.Final : ChunkHeader.More;
                    frame.AsSpan(offset, take).CopyTo(chunk.AsSpan(ChunkHeader.Size));
                    Result<int> sealedLength = _noise.Encrypt(chunk.AsSpan(0, ChunkHeader.Size + take), message.AsSpan(LengthPrefix.Size));
                    if (!sealedLength.IsOk)
                    {
                        // The only failure left for a bounded chunk is nonce exhaustion (§5.1).
                        Close(TransportErrors.Exhausted);
                        return;
                    }

                    LengthPrefix.Write(message, sealedLength.Value);
                    await _stream.WriteAsync(message.AsMemory(0, LengthPrefix.Size + sealedLength.Value), _closing.Token).ConfigureAwait(false);
                    offset += take;
                }
                while (offset < frame.Length);

                await _stream.FlushAsync(_closing.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Closed locally; the reason is already set.
        }
        catch (Exception e) when (StreamFailure.IsClosed(e))
        {
            Close(TransportErrors.Closed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(chunk);
        }
    }
}
