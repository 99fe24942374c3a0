using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Trust;
using Kith.Wire.Accounts;

namespace Kith.Protocol.Contacts;

/// <summary>
/// The contacts of one account: imports cards, merges contacts' account logs, and applies
/// <see cref="ContactTrust"/> transitions, reading and writing only through the store interfaces (libsignal's
/// protocol crate works the same way: stores as interfaces, clock as an argument). Every refused input leaves
/// both stores as they were.
/// </summary>
public sealed class ContactBook
{
    private readonly IContactStore _contacts;
    private readonly IAccountLogStore _logs;

    /// <summary>Uses <paramref name="contacts"/> and <paramref name="logs"/>.</summary>
    public ContactBook(IContactStore contacts, IAccountLogStore logs)
    {
        _contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        _logs = logs ?? throw new ArgumentNullException(nameof(logs));
    }

    /// <summary>The contact's record, or null.</summary>
    public ContactRecord? Find(AccountId account) => _contacts.Find(account);

    /// <summary>The contact's account as far as this device knows it.</summary>
    public Result<AccountView> View(AccountId account) => LoadLog(account).Map(log => log.Current());

    /// <summary>
    /// Imports a verified card: a new contact starts unvalidated; for a known contact, the card's log must
    /// extend the known one (otherwise it is refused), and the trust state follows the merged log.
    /// </summary>
    public Result<ContactRecord> Import(VerifiedCard card, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(card);
        ContactRecord? existing = _contacts.Find(card.Card.Account);
        if (existing is null)
        {
            foreach (AccountEntry entry in card.Log.Entries)
            {
                _logs.Append(card.Log.Account, entry);
            }

            ContactRecord created = ContactTrust.New(card.View, nowUnixMs);
            _contacts.Put(created);
            return created;
        }

        return Merge(existing, card.Card.Log, nowUnixMs);
    }

    /// <summary>Decodes, verifies and imports a card in any text form.</summary>
    public Result<ContactRecord> Import(string cardText, long nowUnixMs) =>
        ContactCards.Verify(cardText, nowUnixMs).TryGet(out VerifiedCard? card, out KithError? error) ? Import(card, nowUnixMs) : error;

    /// <summary>
    /// Accepts log entries for a known contact (from sync or a card). All must chain to the known log; if any
    /// does not, none is kept and the contact is unchanged.
    /// </summary>
    public Result<ContactRecord> ReceiveLogEntries(AccountId account, IReadOnlyList<AccountEntry> entries, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ContactRecord? existing = _contacts.Find(account);
        return existing is null ? TrustErrors.UnknownContact : Merge(existing, entries, nowUnixMs);
    }

    /// <summary>
    /// Validates the contact after the person compared the digits of <paramref name="number"/> (they confirm it in
    /// the UI) or scanned the other side's code (<paramref name="scannedPayload"/>, checked here).
    /// </summary>
    public Result<ContactRecord> Validate(AccountId account, SafetyNumber number, string? scannedPayload, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(number);
        ContactRecord? existing = _contacts.Find(account);
        if (existing is null)
        {
            return TrustErrors.UnknownContact;
        }

        if (scannedPayload is not null && !number.VerifyScanned(scannedPayload).TryGet(out _, out KithError? mismatch))
        {
            return mismatch;
        }

        if (!LoadLog(account).TryGet(out AccountLog? log, out KithError? error))
        {
            return error;
        }

        ContactRecord validated = ContactTrust.Validate(existing, log.Current(), nowUnixMs);
        _contacts.Put(validated);
        return validated;
    }

    /// <summary>The person marks the contact compromised.</summary>
    public Result<ContactRecord> MarkCompromised(AccountId account, long nowUnixMs)
    {
        ContactRecord? existing = _contacts.Find(account);
        if (existing is null)
        {
            return TrustErrors.UnknownContact;
        }

        ContactRecord marked = ContactTrust.MarkCompromised(existing, nowUnixMs);
        _contacts.Put(marked);
        return marked;
    }

    /// <summary>A peer known as this contact presented <paramref name="presented"/> as its account.</summary>
    public Result<ContactRecord> OnIdentityPresented(AccountId account, AccountId presented, long nowUnixMs)
    {
        ContactRecord? existing = _contacts.Find(account);
        if (existing is null)
        {
            return TrustErrors.UnknownContact;
        }

        if (!ContactTrust.OnIdentityPresented(existing, presented, nowUnixMs).TryGet(out ContactRecord? next, out KithError? error))
        {
            return error;
        }

        _contacts.Put(next);
        return next;
    }

    /// <summary>Whether <paramref name="device"/> belongs to the contact according to the known log.</summary>
    public Result<Unit> CheckDevice(AccountId account, DeviceId device) =>
        LoadLog(account).TryGet(out AccountLog? log, out KithError? error) ? ContactTrust.CheckDevice(log.Current(), device) : error;

    private Result<ContactRecord> Merge(ContactRecord existing, IReadOnlyList<AccountEntry> entries, long nowUnixMs)
    {
        if (!LoadLog(existing.Account).TryGet(out AccountLog? known, out KithError? error))
        {
            return error;
        }

        AccountLog merged = known.Clone();
        List<AccountEntry> fresh = [.. entries.Where(entry => !known.Contains(entry.Id))];
        IReadOnlyList<Result<AccountEntry>> results = merged.AddMany(fresh);
        if (results.Any(result => !result.IsOk))
        {
            return TrustErrors.LogDoesNotChain;
        }

        foreach (AccountEntry entry in merged.Entries.Skip(known.Count))
        {
            _logs.Append(existing.Account, entry);
        }

        ContactRecord next = ContactTrust.OnLogChanged(existing, merged.Current(), nowUnixMs);
        if (next != existing)
        {
            _contacts.Put(next);
        }

        return next;
    }

    private Result<AccountLog> LoadLog(AccountId account) =>
        _logs.Contains(account) ? AccountLog.Load(_logs.Load(account)) : TrustErrors.UnknownContact;
}
