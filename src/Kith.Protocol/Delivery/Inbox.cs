using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Storage;

namespace Kith.Protocol.Delivery;

/// <summary>
/// The receiving side's memory of which items it has committed, per sending device, so a resent item is
/// acknowledged again without being applied again (delivery is at least once; applying is exactly once).
/// Kept in the step's <see cref="IStateStore"/> under kind <see cref="Kind"/>, key <c>sender || item</c>, so the
/// record commits in the same transaction as what applying the item changed.
/// </summary>
/// <remarks>Records are kept forever for now: a sender may resend an item at any later time. Pruning needs a
/// horizon the sender agrees to (not designed yet).</remarks>
public sealed class Inbox
{
    /// <summary>The state kind of inbox records.</summary>
    public const string Kind = "delivery.inbox";

    private static readonly byte[] Committed = [1];

    private readonly IStateStore _state;

    /// <summary>An inbox over <paramref name="state"/> (the running step's store).</summary>
    public Inbox(IStateStore state) => _state = state ?? throw new ArgumentNullException(nameof(state));

    /// <summary>Whether <paramref name="item"/> from <paramref name="sender"/> was already committed.</summary>
    public Result<bool> Contains(DeviceId sender, EventId item) => _state.Read(Kind, Key(sender, item)).Map(value => value is not null);

    /// <summary>Records <paramref name="item"/> from <paramref name="sender"/> as committed (with the running step).</summary>
    public void Record(DeviceId sender, EventId item) => _state.Write(Kind, Key(sender, item), Committed);

    private static byte[] Key(DeviceId sender, EventId item) => [.. sender.Span, .. item.Span];

    /// <summary>Names the type only.</summary>
    public override string ToString() => nameof(Inbox);
}
