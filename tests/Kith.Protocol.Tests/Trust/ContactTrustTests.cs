using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Contacts;
using Kith.Protocol.Tests.Contacts;
using Kith.Protocol.Trust;
using Kith.Wire.Accounts;

namespace Kith.Protocol.Tests.Trust;

public class ContactTrustTests
{
    private static readonly AccountId Me = AccountId.FromBytes(new byte[32]);

    private sealed class Book : IDisposable
    {
        public Book(ulong seed, int devices = 2)
        {
            Contact = new CardFixture(seed, devices);
            Contacts = new ContactBook(ContactStore, LogStore, DeviceStore);
        }

        public CardFixture Contact { get; }

        public InMemoryContactStore ContactStore { get; } = new();

        public InMemoryAccountLogStore LogStore { get; } = new();

        public InMemoryDeviceRecordStore DeviceStore { get; } = new();

        public ContactBook Contacts { get; }

        public AccountId Account => Contact.Log.Account;

        public long Now => Contact.Now;

        public ContactRecord Import() => Contacts.Import(ContactCardTextOf(Contact), Now).Value;

        public ContactRecord Validate()
        {
            SafetyNumber mine = SafetyNumber.Compute(Me, Account);
            string theirs = SafetyNumber.Compute(Account, Me).ToQrPayload();
            return Contacts.Validate(Account, mine, theirs, Now).Value;
        }

        public (byte[] Contacts, byte[][] Log) Snapshot() =>
            (ContactStore.Find(Account)!.ToBytes(), [.. LogStore.Load(Account)]);

        public void Dispose() => Contact.Dispose();

        private static string ContactCardTextOf(CardFixture f) => Wire.Cards.ContactCardText.ToText(f.Card());
    }

    [Fact]
    public void A_new_contact_is_unvalidated_and_carries_a_prompt_to_validate()
    {
        using var book = new Book(1);
        ContactRecord record = book.Import();
        Assert.Equal(TrustState.Unvalidated, record.State);
        Assert.Equal("Ada Lovelace", record.DisplayName);
        Assert.NotEmpty(TrustExplanations.ValidatePrompt);
        foreach (TrustState state in Enum.GetValues<TrustState>())
        {
            Assert.EndsWith(".", TrustExplanations.Explain(state), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Scanning_the_contacts_safety_number_validates_and_a_wrong_code_changes_nothing()
    {
        using var book = new Book(2);
        book.Import();
        var before = book.Snapshot();
        SafetyNumber mine = SafetyNumber.Compute(Me, book.Account);
        Assert.Equal(TrustErrors.SafetyNumberMismatch, book.Contacts.Validate(book.Account, mine, mine.ToQrPayload(), book.Now).Error);
        Assert.Equal(before.Contacts, book.Snapshot().Contacts);
        Assert.Equal(TrustState.Validated, book.Validate().State);
    }

    [Fact]
    public void A_device_added_through_the_validated_log_stays_validated()
    {
        using var book = new Book(3);
        book.Import();
        book.Validate();
        using var newDevice = Kith.Protocol.Devices.DeviceKeys.Generate(book.Contact.Random, 0, 0);
        AccountLog log = book.Contact.Log;
        AccountEntry add = AccountEntries.Add(book.Contact.Devices[1].Identity, newDevice.Identity, log.Account, log.Heads, book.Contact.Now += 10);
        Assert.True(log.Add(add).IsOk);
        Assert.Equal(TrustErrors.DeviceNotInLog, book.Contacts.CheckDevice(book.Account, newDevice.Device).Error);
        ContactRecord record = book.Contacts.ReceiveLogEntries(book.Account, [add], book.Now).Value;
        Assert.Equal(TrustState.Validated, record.State);
        Assert.True(book.Contacts.CheckDevice(book.Account, newDevice.Device).IsOk);
    }

    [Fact]
    public void Entries_that_do_not_chain_to_the_known_log_are_refused_without_change()
    {
        using var book = new Book(4);
        book.Import();
        book.Validate();
        var before = book.Snapshot();
        using var stranger = new CardFixture(40, 2);
        using var outsider = Kith.Protocol.Devices.DeviceKeys.Generate(book.Contact.Random, 0, 0);
        AccountLog log = book.Contact.Log;
        // A device of another account adding itself, an entry of another account, and an orphan.
        AccountEntry selfAdded = AccountEntries.Add(outsider.Identity, outsider.Identity, log.Account, log.Heads, book.Now + 5);
        AccountEntry foreign = stranger.Log.Entries[^1];
        AccountEntry orphan = AccountEntries.Profile(book.Contact.Devices[0].Identity, log.Account, [foreign.Id], book.Now + 5, "x");
        foreach (AccountEntry bad in new[] { selfAdded, foreign, orphan })
        {
            Assert.Equal(TrustErrors.LogDoesNotChain, book.Contacts.ReceiveLogEntries(book.Account, [bad], book.Now + 6).Error);
            Assert.Equal(before.Contacts, book.Snapshot().Contacts);
            Assert.Equal(before.Log, book.Snapshot().Log);
        }
    }

    [Fact]
    public void A_fork_compromises_the_contact_until_revalidated_and_a_new_fork_compromises_again()
    {
        using var book = new Book(5, devices: 3);
        book.Import();
        book.Validate();
        AccountLog log = book.Contact.Log;
        var d = book.Contact.Devices;
        var heads = log.Heads;
        AccountEntry r1 = AccountEntries.Revoke(d[0].Identity, log.Account, heads, book.Now + 1, d[1].Device);
        AccountEntry r2 = AccountEntries.Revoke(d[1].Identity, log.Account, heads, book.Now + 1, d[0].Device);
        ContactRecord forked = book.Contacts.ReceiveLogEntries(book.Account, [r1, r2], book.Now + 2).Value;
        Assert.Equal(TrustState.Compromised, forked.State);
        Assert.Equal(CompromiseReason.AccountForked, forked.Reason);
        Assert.NotEmpty(TrustExplanations.Explain(forked.Reason));

        Assert.Equal(TrustState.Validated, book.Validate().State);

        // The remaining device is then revoked concurrently with its own revocation of a newcomer: a new fork.
        Assert.True(log.Add(r1).IsOk && log.Add(r2).IsOk);
        using var newcomer = Kith.Protocol.Devices.DeviceKeys.Generate(book.Contact.Random, 0, 0);
        AccountEntry add = AccountEntries.Add(d[2].Identity, newcomer.Identity, log.Account, log.Heads, book.Now + 3);
        Assert.True(log.Add(add).IsOk);
        AccountEntry r3 = AccountEntries.Revoke(d[2].Identity, log.Account, log.Heads, book.Now + 4, newcomer.Device);
        AccountEntry r4 = AccountEntries.Revoke(newcomer.Identity, log.Account, log.Heads, book.Now + 4, d[2].Device);
        Assert.Equal(TrustState.Validated, book.Contacts.ReceiveLogEntries(book.Account, [add], book.Now + 5).Value.State);
        ContactRecord again = book.Contacts.ReceiveLogEntries(book.Account, [r3, r4], book.Now + 5).Value;
        Assert.Equal(CompromiseReason.AccountForked, again.Reason);
    }

    [Fact]
    public void The_person_may_mark_compromised_at_any_time_and_validate_again()
    {
        using var book = new Book(6);
        book.Import();
        ContactRecord marked = book.Contacts.MarkCompromised(book.Account, book.Now).Value;
        Assert.Equal((TrustState.Compromised, CompromiseReason.MarkedByUser), (marked.State, marked.Reason));
        ContactRecord validated = book.Validate();
        Assert.Equal((TrustState.Validated, CompromiseReason.None), (validated.State, validated.Reason));
    }

    [Fact]
    public void Another_identity_for_a_validated_contact_compromises_it_and_is_refused_otherwise()
    {
        using var book = new Book(7);
        book.Import();
        using var other = new CardFixture(70, 1);
        var before = book.Snapshot();
        Assert.Equal(TrustErrors.IdentityMismatch, book.Contacts.OnIdentityPresented(book.Account, other.Log.Account, book.Now).Error);
        Assert.Equal(before.Contacts, book.Snapshot().Contacts);
        book.Validate();
        Assert.Equal(TrustState.Validated, book.Contacts.OnIdentityPresented(book.Account, book.Account, book.Now).Value.State);
        ContactRecord changed = book.Contacts.OnIdentityPresented(book.Account, other.Log.Account, book.Now).Value;
        Assert.Equal((TrustState.Compromised, CompromiseReason.IdentityChanged), (changed.State, changed.Reason));
    }

    [Fact]
    public void Importing_a_newer_card_of_a_known_contact_merges_its_log()
    {
        using var book = new Book(8);
        book.Import();
        book.Validate();
        AccountLog log = book.Contact.Log;
        Assert.True(log.Add(AccountEntries.Profile(book.Contact.Devices[1].Identity, log.Account, log.Heads, book.Contact.Now += 5, "Ada")).IsOk);
        ContactRecord record = book.Import();
        Assert.Equal((TrustState.Validated, "Ada"), (record.State, record.DisplayName));
        Assert.Equal(log.Count, book.LogStore.Load(book.Account).Count);
    }

    [Fact]
    public void Imported_device_records_are_kept_newest_first_and_revoked_devices_are_forgotten()
    {
        using var book = new Book(9, devices: 2);
        ContactCard_Import(book, book.Contact.Card().WithContent(Kith.Wire.Cards.CardContent.NoPrekeys));
        Assert.Equal(2, book.Contacts.Devices(book.Account).Count);
        Assert.All(book.Contacts.Devices(book.Account), r => Assert.Null(r.Prekeys));
        book.Import();
        Assert.All(book.Contacts.Devices(book.Account), r => Assert.NotNull(r.Prekeys));

        AccountLog log = book.Contact.Log;
        AccountEntry revoke = AccountEntries.Revoke(book.Contact.Devices[0].Identity, log.Account, log.Heads, book.Contact.Now += 5, book.Contact.Devices[1].Device);
        Assert.True(book.Contacts.ReceiveLogEntries(book.Account, [revoke], book.Now).IsOk);
        Assert.Equal([book.Contact.Devices[0].Device], book.Contacts.Devices(book.Account).Select(r => r.Device));
        Assert.Single(book.DeviceStore.Load(book.Account));
    }

    private static void ContactCard_Import(Book book, Kith.Wire.Cards.ContactCard card) =>
        Assert.True(book.Contacts.Import(Kith.Wire.Cards.ContactCardText.ToText(card), book.Now).IsOk);

    [Fact]
    public void Contact_records_round_trip_through_their_stored_bytes()
    {
        var record = new ContactRecord(Me, TrustState.Compromised, CompromiseReason.AccountForked,
            [EventId.FromBytes(Kith.Crypto.Blake2b.Hash256([9]))], "Zoë", 42);
        ContactRecord decoded = ContactRecord.Decode(record.ToBytes()).Value;
        Assert.Equal(record.ToBytes(), decoded.ToBytes());
        Assert.Equal("Zoë", decoded.DisplayName);
        byte[] bad = record.ToBytes();
        bad[33] = 9;
        Assert.False(ContactRecord.Decode(bad).IsOk);
    }
}
