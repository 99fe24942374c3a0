using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Trust;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;

namespace Kith.Protocol.Contacts;

/// <summary>
/// The contacts of one account: imports cards, merges contacts' account logs, and applies
/// <see cref="ContactTrust"/> transitions, reading and writing only through the store interfaces (libsignal's
/// protocol crate works the same way: stores as interfaces, clock as an argument). Every refused input leaves
/// both stores as they were.
/// </summary>
public sealed partial class ContactBook
{
    private readonly IContactStore _contacts;
    private readonly IAccountLogStore _logs;
    private readonly IDeviceRecordStore _devices;

    /// <summary>Uses <paramref name="contacts"/>, <paramref name="logs"/> and <paramref name="devices"/>.</summary>
    public ContactBook(IContactStore contacts, IAccountLogStore logs, IDeviceRecordStore devices)
    {
        _contacts = contacts ?? throw new ArgumentNullException(nameof(contacts));
        _logs = logs ?? throw new ArgumentNullException(nameof(logs));
        _devices = devices ?? throw new ArgumentNullException(nameof(devices));
    }

    /// <summary>
    /// The contact's device records that the known log lists as members. A record without prekeys (from a
    /// QR-sized card) means the device's prekeys must be fetched over a live session before PQXDH.
    /// </summary>
    public IReadOnlyList<DeviceRecord> Devices(AccountId account) =>
        LoadLog(account).TryGet(out AccountLog? log, out _)
            ? [.. _devices.Load(account).Where(record => log.Current().IsMember(record.Device))]
            : [];

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
            _ = StoreRecords(card.Card.Account, card.Card.Devices, card.View);
            return created;
        }

        Result<ContactRecord> merged = Merge(existing, card.Card.Log, nowUnixMs);
        if (merged.IsOk && LoadLog(existing.Account).TryGet(out AccountLog? log, out _))
        {
            _ = StoreRecords(existing.Account, card.Card.Devices, log.Current());
        }

        return merged;
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

        foreach (DeviceId revoked in merged.Current().Revoked)
        {
            _devices.Remove(existing.Account, revoked);
        }

        ContactRecord next = ContactTrust.OnLogChanged(existing, merged.Current(), nowUnixMs);
        if (next != existing)
        {
            _contacts.Put(next);
        }

        return next;
    }

    /// <summary>
    /// Keeps each member's newest record; an older record never replaces a newer one, and a record without prekeys
    /// keeps the prekeys already known from the same issue of the record. Revoked devices are forgotten.
    /// Returns whether a record was stored or forgotten.
    /// </summary>
    private bool StoreRecords(AccountId account, IReadOnlyList<DeviceRecord> records, AccountView view)
    {
        Dictionary<DeviceId, DeviceRecord> known = _devices.Load(account).ToDictionary(r => r.Device);
        bool changed = false;
        foreach (DeviceId revoked in view.Revoked.Where(known.ContainsKey))
        {
            _devices.Remove(account, revoked);
            changed = true;
        }

        foreach (DeviceRecord record in records.Where(r => view.IsMember(r.Device)))
        {
            if (!known.TryGetValue(record.Device, out DeviceRecord? old) || old.IssuedAtUnixMs < record.IssuedAtUnixMs
                || (old.IssuedAtUnixMs == record.IssuedAtUnixMs && old.Prekeys is null && record.Prekeys is not null))
            {
                _devices.Put(account, record);
                changed = true;
            }
        }

        return changed;
    }

    private Result<AccountLog> LoadLog(AccountId account) =>
        _logs.Contains(account) ? AccountLog.Load(_logs.Load(account)) : TrustErrors.UnknownContact;
}
