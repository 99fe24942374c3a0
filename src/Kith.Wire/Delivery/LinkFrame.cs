using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Wire.Delivery;

/// <summary>
/// One frame on an authenticated link between two devices, after the Noise handshake (issue 5, "Links and
/// delivery"): the engine's delivery protocol. Who sent it is the link's authenticated peer, so no frame names
/// its sender.
/// </summary>
/// <remarks>
/// Encoding (version 1, big-endian): <c>version(1) | kind(1) | body</c>, at most <see cref="Limits.MaxLinkFrameBytes"/>.
/// Bodies: <see cref="DeliverFrame"/> <c>id(32) | item kind(1) | length(4) | payload</c>;
/// <see cref="AckFrame"/> and <see cref="SeenFrame"/> <c>count(2) | ids(32 each)</c>;
/// <see cref="SyncFrame"/> <c>length(4) | sync message</c>. A version or kind this build does not know is
/// rejected, so a newer peer's frame is dropped rather than misread.
/// </remarks>
public abstract class LinkFrame
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 1;

    /// <summary>Bytes before the body: version and kind.</summary>
    public const int HeaderSize = 2;

    private protected LinkFrame()
    {
    }

    /// <summary>Which frame this is.</summary>
    public abstract LinkFrameKind Kind { get; }

    /// <summary>The canonical encoding.</summary>
    public byte[] Encode()
    {
        var writer = new WireWriter(HeaderSize + BodySize);
        writer.Byte(Version).Byte((byte)Kind);
        WriteBody(writer);
        return writer.ToArray();
    }

    /// <summary>Decodes untrusted bytes; never throws.</summary>
    public static Result<LinkFrame> Decode(ReadOnlySpan<byte> bytes) => LinkFrameCodec.Decode(bytes);

    private protected abstract int BodySize { get; }

    private protected abstract void WriteBody(WireWriter writer);
}
