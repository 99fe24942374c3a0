namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Sent messages whose conversation the node remembers to label live delivery events (the engine names only
    /// the item). Older ones are forgotten first: a client that missed them re-reads the chat, and memory stays bounded.
    /// </summary>
    public const int ApiDeliveryLabelsKept = 4096;
}
