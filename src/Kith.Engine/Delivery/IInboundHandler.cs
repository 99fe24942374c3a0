using Kith.Primitives.Errors;

namespace Kith.Engine.Delivery;

/// <summary>
/// Where the application applies delivered items (decrypt the envelope, add the event to its conversation,
/// store the shown message). The engine calls it inside a step and acknowledges the item only after that step
/// committed, so an acknowledged item is never lost; and it records the item in the step's inbox, so a resent
/// item is acknowledged again without being applied twice.
/// </summary>
public interface IInboundHandler
{
    /// <summary>
    /// Applies <paramref name="item"/> through <paramref name="context"/>'s stores (and may enqueue items in it).
    /// Untrusted input: a rejection is an error value and changes nothing. A non-retryable error is final (the
    /// item is acknowledged and never applied); a retryable one (say, a missing session that a later step
    /// creates) leaves the item unacknowledged, so the sender resends it. An exception keeps nothing of the
    /// step and leaves the item unacknowledged.
    /// </summary>
    Result<Unit> Apply(InboundItem item, StepContext context);
}
