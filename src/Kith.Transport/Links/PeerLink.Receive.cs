using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Protocol.Noise;
using Kith.Transport.Framing;

namespace Kith.Transport.Links;

/// <summary>Receiving: length prefix, Noise decryption, chunk reassembly; any failure drops the link.</summary>
public sealed partial class PeerLink
{
    private readonly byte[] _receiveBuffer = new byte[Limits.NoiseMaxMessageLength];
    private readonly byte[] _plaintextBuffer = new byte[Limits.NoiseMaxTransportPayloadLength];
    private readonly FrameAssembler _assembler = new();
    private int _receiving;

    /// <summary>
    /// Waits for the next whole frame. Never throws on peer bytes: a malformed, oversized or unauthenticated message
    /// closes the link and returns the reason; so does a closed link. Cancelling closes the link too, since a
    /// message may be half read and the stream cannot be resynchronised.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another receive is in progress (one receiver per link).</exception>
    public async ValueTask<Result<byte[]>> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        if (_closed.Task.IsCompleted)
        {
            return _closed.Task.Result;
        }

        if (Interlocked.Exchange(ref _receiving, 1) == 1)
        {
            throw new InvalidOperationException("A link has one receiver at a time.");
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
            while (true)
            {
                Result<int> read = await LengthPrefix.ReadAsync(
                    _stream, _receiveBuffer, Limits.NoiseMaxMessageLength, TransportErrors.BadChunk, linked.Token).ConfigureAwait(false);
                if (!read.IsOk)
                {
                    return Fail(read.Error);
                }

                ResetIdleTimer();
                Result<int> opened = _noise.Decrypt(_receiveBuffer.AsSpan(0, read.Value), _plaintextBuffer);
                if (!opened.IsOk)
                {
                    return Fail(opened.Error.Code == NoiseErrors.NonceExhaustedCode ? TransportErrors.Exhausted : TransportErrors.BadTag);
                }

                Result<byte[]?> frame = _assembler.Add(_plaintextBuffer.AsSpan(0, opened.Value));
                if (!frame.IsOk)
                {
                    return Fail(frame.Error);
                }

                if (frame.Value is { } whole)
                {
                    return whole;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return Fail(TransportErrors.LocalClose);
        }
        finally
        {
            Volatile.Write(ref _receiving, 0);
        }
    }
}
