using System.IO.Pipelines;

namespace Kith.Tor.Tests.Support;

/// <summary>One end of an in-memory connection: reads what the other end wrote, and the other way round.</summary>
public sealed class DuplexStream(Stream readFrom, Stream writeTo, Action complete) : Stream
{
    public static (DuplexStream A, DuplexStream B) CreatePair()
    {
        var aToB = new Pipe();
        var bToA = new Pipe();
        var a = new DuplexStream(bToA.Reader.AsStream(), aToB.Writer.AsStream(), () => { aToB.Writer.Complete(); bToA.Reader.Complete(); });
        var b = new DuplexStream(aToB.Reader.AsStream(), bToA.Writer.AsStream(), () => { bToA.Writer.Complete(); aToB.Reader.Complete(); });
        return (a, b);
    }

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => readFrom.Read(buffer, offset, count);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => readFrom.ReadAsync(buffer, cancellationToken);
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => readFrom.ReadAsync(buffer, offset, count, cancellationToken);
    public override void Write(byte[] buffer, int offset, int count) => writeTo.Write(buffer, offset, count);
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => writeTo.WriteAsync(buffer, cancellationToken);
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => writeTo.WriteAsync(buffer, offset, count, cancellationToken);
    public override void Flush() => writeTo.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => writeTo.FlushAsync(cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            complete();
        }

        base.Dispose(disposing);
    }
}
