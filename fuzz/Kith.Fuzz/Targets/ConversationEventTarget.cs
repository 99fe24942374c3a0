using Kith.Wire.Conversations;
using Kith.Wire.SenderKeys;

namespace Kith.Fuzz.Targets;

/// <summary>
/// What any member device relays: a conversation event, and the sender-key distribution that arrives over a
/// pairwise session. Both decoders must give a verdict; a decoded event must re-encode to its input.
/// </summary>
public sealed class ConversationEventTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "conversation-event";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        if (ConversationEvent.Decode(input).TryGet(out ConversationEvent? conversationEvent, out _))
        {
            FuzzInvariantException.Check(conversationEvent.ToBytes().AsSpan().SequenceEqual(input), "a decoded event re-encodes to its input");
        }

        if (SenderKeyDistribution.Decode(input).TryGet(out SenderKeyDistribution? distribution, out _))
        {
            distribution.Dispose();
        }
    }
}
