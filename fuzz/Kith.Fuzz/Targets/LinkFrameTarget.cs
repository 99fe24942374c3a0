using Kith.Wire.Delivery;

namespace Kith.Fuzz.Targets;

/// <summary>
/// What a linked device sends after the handshake: deliveries, acks, seen receipts and sync messages. The
/// decoder must give a verdict; a decoded frame must re-encode to its input.
/// </summary>
public sealed class LinkFrameTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "link-frame";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        if (LinkFrame.Decode(input).TryGet(out LinkFrame? frame, out _))
        {
            FuzzInvariantException.Check(frame.Encode().AsSpan().SequenceEqual(input), "a decoded link frame re-encodes to its input");
        }
    }
}
