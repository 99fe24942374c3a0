using Kith.Primitives.Ids;

namespace Kith.Protocol.Accounts;

/// <summary>
/// The account as seen at a set of heads of its log: a deterministic function of the entries those heads
/// reach, so every replica holding the same entries computes the same view, whatever order they arrived in.
/// </summary>
/// <param name="Account">The account id.</param>
/// <param name="Heads">The heads the view was computed at, ascending.</param>
/// <param name="Members">Devices added (or the genesis device) and never revoked, ascending.</param>
/// <param name="Revoked">Devices revoked, ascending.</param>
/// <param name="DisplayName">The current display name, or empty.</param>
/// <param name="Conflicts">Why the log is forked; empty when it is not.</param>
public sealed record AccountView(AccountId Account, IReadOnlyList<EventId> Heads, IReadOnlyList<DeviceId> Members,
    IReadOnlyList<DeviceId> Revoked, string DisplayName, IReadOnlyList<AccountConflict> Conflicts)
{
    /// <summary>
    /// Whether the log is forked: members contradicted each other (a stolen device fighting back). A fork is
    /// never resolved silently; own devices show it and contacts mark the account compromised.
    /// </summary>
    public bool IsForked => Conflicts.Count > 0;

    /// <summary>Whether <paramref name="device"/> is a member.</summary>
    public bool IsMember(DeviceId device) => Members.Contains(device);
}
