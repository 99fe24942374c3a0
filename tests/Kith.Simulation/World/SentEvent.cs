using Kith.Primitives.Ids;

namespace Kith.Simulation.World;

/// <summary>
/// An event a device wrote and committed: it must end up on every replica and decrypt to <paramref name="Text"/>;
/// unless <paramref name="Rejected"/> (its author was revoked before it), when it must end up on none but its author's.
/// </summary>
internal sealed record SentEvent(EventId Id, int Author, string Text, bool Rejected);
