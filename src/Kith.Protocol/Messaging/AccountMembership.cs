using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Conversations;
using Kith.Wire.Accounts;

namespace Kith.Protocol.Messaging;

/// <summary>
/// Who may write to a 1:1 conversation (both accounts' devices) or to an account's own log (its own devices),
/// from the member accounts' <see cref="AccountView"/>s: a device is a member while its account lists it, and a
/// revoked device stays a member only for events stamped before its revocation entry (README, decision 2).
/// </summary>
/// <remarks>
/// An immutable snapshot: when an account log changes, the replica is given a new one
/// (<see cref="ConversationReplica.UpdateMembership"/>). A revoked device could still back-date an event to before
/// its revocation; Briar's rule only bounds that by the parents it names.
/// </remarks>
public sealed class AccountMembership : IConversationMembership
{
    private readonly HashSet<DeviceId> _members;
    private readonly Dictionary<DeviceId, long> _revokedAt;

    /// <summary>Builds the membership of <paramref name="conversation"/> from its accounts' views.</summary>
    /// <param name="conversation">The conversation this membership answers for.</param>
    /// <param name="accounts">The member accounts (1:1: both; own log: the own account).</param>
    /// <param name="revokedAtUnixMs">When each revoked device's revocation entry was stamped.</param>
    public AccountMembership(ConversationId conversation, IReadOnlyList<AccountView> accounts,
        IReadOnlyDictionary<DeviceId, long> revokedAtUnixMs)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(revokedAtUnixMs);
        Conversation = conversation;
        _members = [.. accounts.SelectMany(a => a.Members)];
        _revokedAt = accounts.SelectMany(a => a.Revoked).Where(revokedAtUnixMs.ContainsKey).Distinct()
            .ToDictionary(d => d, d => revokedAtUnixMs[d]);
        Devices = [.. _members.Order()];
    }

    /// <summary>The conversation this membership answers for.</summary>
    public ConversationId Conversation { get; }

    /// <summary>The current member devices, ascending: who a new chain is announced to.</summary>
    public IReadOnlyList<DeviceId> Devices { get; }

    /// <summary>The membership from the member accounts' logs, at their current heads.</summary>
    public static AccountMembership FromLogs(ConversationId conversation, params IReadOnlyList<AccountLog> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var revokedAt = new Dictionary<DeviceId, long>();
        foreach (AccountEntry revocation in logs.SelectMany(l => l.Entries).Where(e => e.Kind == AccountEntryKind.RevokeDevice))
        {
            // Concurrent revocations of one device: the earliest ends its membership.
            long at = revokedAt.TryGetValue(revocation.Subject, out long seen) ? Math.Min(seen, revocation.CreatedAtUnixMs) : revocation.CreatedAtUnixMs;
            revokedAt[revocation.Subject] = at;
        }

        return new AccountMembership(conversation, [.. logs.Select(l => l.Current())], revokedAt);
    }

    /// <inheritdoc/>
    public bool IsMember(ConversationId conversation, DeviceId author, long timestampUnixMs) =>
        conversation == Conversation
        && (_members.Contains(author) || (_revokedAt.TryGetValue(author, out long revoked) && timestampUnixMs < revoked));

    /// <summary>Names the conversation and the device count.</summary>
    public override string ToString() => $"AccountMembership({Conversation}, {Devices.Count} devices)";
}
