using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Contacts;

namespace Kith.Protocol.Trust;

/// <summary>
/// The trust transitions of one contact (PROTOCOL.md, contacts), as pure functions from a record and an input to
/// a new record. Summary (state → input → state):
/// <list type="table">
/// <item><term>any</term><description>safety numbers match (compared or scanned) → validated; forks already in the log are acknowledged</description></item>
/// <item><term>any</term><description>person marks compromised → compromised (marked by user)</description></item>
/// <item><term>unvalidated, validated</term><description>log grows without a new fork → unchanged (new devices inherit the state)</description></item>
/// <item><term>unvalidated, validated</term><description>log shows a fork not acknowledged → compromised (account forked)</description></item>
/// <item><term>validated</term><description>a peer known as the contact presents another account → compromised (identity changed)</description></item>
/// <item><term>unvalidated, compromised</term><description>another account presented → refused, unchanged</description></item>
/// <item><term>any</term><description>device not in the known log, or entries not chaining to it → refused, unchanged</description></item>
/// </list>
/// </summary>
public static class ContactTrust
{
    /// <summary>A new contact: unvalidated.</summary>
    public static ContactRecord New(AccountView view, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(view);
        ContactRecord record = new(view.Account, TrustState.Unvalidated, CompromiseReason.None, [], view.DisplayName, nowUnixMs);
        return OnLogChanged(record, view, nowUnixMs);
    }

    /// <summary>The person compared safety numbers (or scanned the code) and they matched: validated.</summary>
    public static ContactRecord Validate(ContactRecord record, AccountView view, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(view);
        CheckSameAccount(record, view);
        return record with
        {
            State = TrustState.Validated,
            Reason = CompromiseReason.None,
            AcknowledgedForks = [.. view.Conflicts.Select(c => c.Revocation).Distinct().Order()],
            DisplayName = view.DisplayName,
            UpdatedAtUnixMs = nowUnixMs,
        };
    }

    /// <summary>The person marked the contact compromised.</summary>
    public static ContactRecord MarkCompromised(ContactRecord record, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record with { State = TrustState.Compromised, Reason = CompromiseReason.MarkedByUser, UpdatedAtUnixMs = nowUnixMs };
    }

    /// <summary>
    /// The contact's account log changed (entries from a card or from sync were accepted). A fork the person has
    /// not acknowledged compromises the contact; anything else keeps the state, so devices added through the
    /// log of a validated account are validated too.
    /// </summary>
    public static ContactRecord OnLogChanged(ContactRecord record, AccountView view, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(view);
        CheckSameAccount(record, view);
        bool newFork = view.Conflicts.Any(c => !record.AcknowledgedForks.Contains(c.Revocation));
        if (newFork && record.State != TrustState.Compromised)
        {
            return record with
            {
                State = TrustState.Compromised,
                Reason = CompromiseReason.AccountForked,
                DisplayName = view.DisplayName,
                UpdatedAtUnixMs = nowUnixMs,
            };
        }

        return view.DisplayName == record.DisplayName ? record : record with { DisplayName = view.DisplayName, UpdatedAtUnixMs = nowUnixMs };
    }

    /// <summary>
    /// A peer that this device knows as the contact (by its device or onion address) presented
    /// <paramref name="presented"/> as its account. The same account changes nothing; another account
    /// compromises a validated contact and is refused otherwise.
    /// </summary>
    public static Result<ContactRecord> OnIdentityPresented(ContactRecord record, AccountId presented, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (presented == record.Account)
        {
            return record;
        }

        return record.State == TrustState.Validated
            ? record with { State = TrustState.Compromised, Reason = CompromiseReason.IdentityChanged, UpdatedAtUnixMs = nowUnixMs }
            : TrustErrors.IdentityMismatch;
    }

    /// <summary>Whether <paramref name="device"/> may speak for the contact: only members of the known log may.</summary>
    public static Result<Unit> CheckDevice(AccountView view, DeviceId device)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.IsMember(device) ? Result.Ok() : TrustErrors.DeviceNotInLog;
    }

    private static void CheckSameAccount(ContactRecord record, AccountView view)
    {
        if (record.Account != view.Account)
        {
            throw new ArgumentException("The view is of another account than the contact.", nameof(view));
        }
    }
}
