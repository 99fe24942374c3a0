using Kith.Wire.Sync;

namespace Kith.Fuzz.Targets;

/// <summary>
/// What a peer sends while syncing a conversation: heads, wants, batches of relayed events and range
/// reconciliation steps. The decoder
/// must give a verdict; a decoded message must re-encode to its input.
/// </summary>
public sealed class SyncMessageTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "sync-message";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        if (SyncMessage.Decode(input).TryGet(out SyncMessage? message, out _))
        {
            FuzzInvariantException.Check(message.Encode().AsSpan().SequenceEqual(input), "a decoded sync message re-encodes to its input");
        }
    }
}
