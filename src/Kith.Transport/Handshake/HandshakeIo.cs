using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Protocol.Noise;
using Kith.Transport.Framing;

namespace Kith.Transport.Handshake;

/// <summary>Length-prefixed handshake messages on a stream, each read bounded by <see cref="Limits.LinkHandshakeMessageMaxLength"/>.</summary>
internal sealed class HandshakeIo(Stream stream, CancellationToken cancellationToken)
{
    private readonly byte[] _buffer = new byte[Limits.LinkHandshakeMessageMaxLength];

    /// <summary>Reads one handshake message (a copy), or why not.</summary>
    public async Task<Result<byte[]>> ReadAsync()
    {
        Result<int> read = await LengthPrefix.ReadAsync(
            stream, _buffer, Limits.LinkHandshakeMessageMaxLength, TransportErrors.BadHandshakeLength, cancellationToken).ConfigureAwait(false);
        return read.Map(length => _buffer.AsSpan(0, length).ToArray());
    }

    /// <summary>Writes a message the handshake produced; returns the error, or <c>null</c> once sent.</summary>
    public async Task<KithError?> WriteAsync(Result<HandshakeWriteResult> produced)
    {
        if (!produced.TryGet(out HandshakeWriteResult? written, out _))
        {
            return TransportErrors.HandshakeFailed;
        }

        var framed = new byte[LengthPrefix.Size + written.Message.Length];
        LengthPrefix.Write(framed, written.Message.Length);
        written.Message.CopyTo(framed, LengthPrefix.Size);
        try
        {
            await stream.WriteAsync(framed, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (StreamFailure.IsClosed(e))
        {
            return TransportErrors.Closed;
        }
    }
}
