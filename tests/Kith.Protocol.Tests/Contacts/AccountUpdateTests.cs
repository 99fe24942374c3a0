using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Contacts;
using Kith.Protocol.Devices;
using Kith.Protocol.Trust;
using Kith.Wire;
using Kith.Wire.Accounts;
using Kith.Wire.Cards;
using Kith.Wire.Devices;

namespace Kith.Protocol.Tests.Contacts;

/// <summary>
/// Issue 5, account logs travel over links: Bob's <see cref="ContactBook.ApplyUpdate"/> takes Alice's later entries and
/// records, all or nothing; forged, forked or unchained updates and bad records change nothing.
/// </summary>
public sealed class AccountUpdateTests : IDisposable
{
    private readonly CardFixture _alice = new(seed: 31, devices: 2);
    private readonly InMemoryContactStore _contacts = new();
    private readonly InMemoryAccountLogStore _logs = new();
    private readonly InMemoryDeviceRecordStore _devices = new();
    private readonly AccountId _bob = AccountId.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());
    private readonly ContactBook _book;

    public AccountUpdateTests()
    {
        _book = new ContactBook(_contacts, _logs, _devices);
        Assert.True(_book.Import(ContactCardText.ToText(_alice.Card()), _alice.Now).IsOk);
    }

    private AccountId Alice => _alice.Log.Account;

    [Fact]
    public void A_device_added_after_the_card_is_learnt_with_its_record()
    {
        using DeviceKeys a3 = DeviceKeys.Generate(_alice.Random, 0, 0);
        AccountEntry added = Add(a3);
        DeviceRecord record = a3.IssueRecord([DeviceTransport.Onion(443)], _alice.Now);

        Assert.True(_book.ApplyUpdate(_bob, new AccountUpdate(Alice, _alice.Log.Entries, [record]), _alice.Now).Value);

        Assert.Contains(a3.Device, _book.View(Alice).Value.Members);
        Assert.Contains(a3.Device, _book.Devices(Alice).Select(r => r.Device));
        Assert.Contains(added.Id, _book.View(Alice).Value.Heads);
        // The same update again changes nothing (a resent or re-offered state).
        Assert.False(_book.ApplyUpdate(_bob, new AccountUpdate(Alice, _alice.Log.Entries, [record]), _alice.Now).Value);
    }

    [Fact]
    public void A_revocation_removes_the_member_and_forgets_its_record()
    {
        DeviceId a2 = _alice.Devices[1].Device;
        Assert.True(_alice.Log.Add(AccountEntries.Revoke(_alice.Devices[0].Identity, Alice, _alice.Log.Heads, ++_alice.Now, a2)).IsOk);

        Assert.True(_book.ApplyUpdate(_bob, new AccountUpdate(Alice, _alice.Log.Entries, []), _alice.Now).Value);

        Assert.Contains(a2, _book.View(Alice).Value.Revoked);
        Assert.DoesNotContain(a2, _devices.Load(Alice).Select(r => r.Device));
    }

    [Fact]
    public void A_forged_entry_is_refused_and_changes_nothing()
    {
        using DeviceKeys a3 = DeviceKeys.Generate(_alice.Random, 0, 0);
        byte[] bytes = Add(a3).ToBytes();
        bytes[^70] ^= 1; // inside the author's signature
        AccountEntry forged = AccountEntry.Decode(bytes).Value;
        string before = Snapshot();

        Result<bool> applied = _book.ApplyUpdate(_bob, new AccountUpdate(Alice, [.. _alice.Log.Entries.SkipLast(1), forged], []), _alice.Now);

        Assert.Equal(AccountErrors.BadSignature, applied.Error);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Entries_that_would_fork_the_log_are_refused_and_change_nothing()
    {
        // A1 revokes A2; A2, not having seen it, adds a device of its own: together a fork.
        DeviceId a2 = _alice.Devices[1].Device;
        IReadOnlyList<EventId> heads = _alice.Log.Heads;
        AccountEntry revocation = AccountEntries.Revoke(_alice.Devices[0].Identity, Alice, heads, ++_alice.Now, a2);
        using DeviceKeys thief = DeviceKeys.Generate(_alice.Random, 0, 0);
        AccountEntry racing = AccountEntries.Add(_alice.Devices[1].Identity, thief.Identity, Alice, heads, _alice.Now);
        Assert.True(_book.ApplyUpdate(_bob, new AccountUpdate(Alice, [revocation], []), _alice.Now).IsOk);
        string before = Snapshot();

        Result<bool> applied = _book.ApplyUpdate(_bob, new AccountUpdate(Alice, [racing], [thief.IssueRecord([DeviceTransport.Onion(443)], _alice.Now)]), _alice.Now);

        Assert.Equal(AccountErrors.Forked, applied.Error);
        Assert.Equal(before, Snapshot());
        Assert.DoesNotContain(thief.Device, _book.View(Alice).Value.Members);
    }

    [Fact]
    public void Entries_that_do_not_chain_or_a_bad_record_are_refused_and_change_nothing()
    {
        using DeviceKeys a3 = DeviceKeys.Generate(_alice.Random, 0, 0);
        using DeviceKeys a4 = DeviceKeys.Generate(_alice.Random, 0, 0);
        AccountEntry first = Add(a3);
        AccountEntry second = Add(a4);
        DeviceRecord good = a3.IssueRecord([DeviceTransport.Onion(443)], _alice.Now);
        DeviceRecord badlySigned = new(good.Device, good.OnionKey, good.OnionSignature, good.IssuedAtUnixMs + 1, good.Transports, good.Signature, null);
        string before = Snapshot();

        Result<bool> unchained = _book.ApplyUpdate(_bob, new AccountUpdate(Alice, [second], []), _alice.Now);
        Result<bool> badRecord = _book.ApplyUpdate(_bob, new AccountUpdate(Alice, [first], [badlySigned]), _alice.Now);

        Assert.Equal(AccountErrors.UnknownParents, unchained.Error);
        Assert.True(unchained.Error!.Retryable);
        Assert.Equal(DeviceErrors.BadSignature, badRecord.Error);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void An_update_of_an_unknown_account_is_refused()
    {
        using var stranger = new CardFixture(seed: 32, devices: 1);
        Assert.Equal(TrustErrors.UnknownContact, _book.ApplyUpdate(_bob, new AccountUpdate(stranger.Log.Account, stranger.Log.Entries, []), 0).Error);
    }

    [Fact]
    public void The_own_account_takes_updates_without_a_contact_record()
    {
        var logs = new InMemoryAccountLogStore();
        var devices = new InMemoryDeviceRecordStore();
        var own = new ContactBook(new InMemoryContactStore(), logs, devices);
        logs.Append(Alice, _alice.Log.Genesis);
        using DeviceKeys a3 = DeviceKeys.Generate(_alice.Random, 0, 0);
        _ = Add(a3);

        Assert.True(own.ApplyUpdate(Alice, new AccountUpdate(Alice, _alice.Log.Entries, _alice.Records), _alice.Now).Value);

        Assert.Equal(_alice.Log.Count, logs.Load(Alice).Count);
        Assert.Equal(_alice.Records.Count, devices.Load(Alice).Count);
    }

    [Fact]
    public void The_codec_round_trips_and_refuses_oversized_counts_and_trailing_bytes()
    {
        var update = new AccountUpdate(Alice, _alice.Log.Entries, _alice.Records);
        byte[] bytes = update.Encode();

        AccountUpdate decoded = AccountUpdate.Decode(bytes).Value;

        Assert.Equal(_alice.Log.Entries.Select(e => e.Id), decoded.Entries.Select(e => e.Id));
        Assert.Equal(bytes, decoded.Encode());
        Assert.Equal(WireErrors.TrailingBytes, AccountUpdate.Decode([.. bytes, 0]).Error);
        Assert.Equal(WireErrors.Truncated, AccountUpdate.Decode(bytes.AsSpan(0, bytes.Length - 1)).Error);
        byte[] tooMany = (byte[])bytes.Clone();
        tooMany[33] = 0xFF; // the entry count's high byte
        Assert.Equal(WireErrors.Oversized, AccountUpdate.Decode(tooMany).Error);
        Assert.Equal(WireErrors.Oversized, AccountUpdate.Decode(new byte[Limits.MaxAccountUpdateBytes + 1]).Error);
    }

    [Fact]
    public void A_whole_log_splits_into_updates_within_the_limits_the_same_way_every_time()
    {
        using var big = new CardFixture(seed: 33, devices: 1);
        for (int i = 0; i < 150; i++)
        {
            Assert.True(big.Log.Add(AccountEntries.Profile(big.Devices[0].Identity, big.Log.Account, big.Log.Heads, ++big.Now, $"name {i}")).IsOk);
        }

        IReadOnlyList<AccountUpdate> updates = AccountUpdate.Split(big.Log.Account, big.Log.Entries, big.Records);
        IReadOnlyList<AccountUpdate> again = AccountUpdate.Split(big.Log.Account, big.Log.Entries, big.Records);

        Assert.Equal(3, updates.Count);
        Assert.All(updates, u => Assert.InRange(u.Encode().Length, 1, Limits.MaxAccountUpdateBytes));
        Assert.Equal(big.Log.Entries.Select(e => e.Id), updates.SelectMany(u => u.Entries).Select(e => e.Id));
        Assert.Single(updates.SelectMany(u => u.Records));
        Assert.Equal(updates.Select(u => AccountUpdate.ItemIdOf(u.Encode())), again.Select(u => AccountUpdate.ItemIdOf(u.Encode())));
    }

    public void Dispose() => _alice.Dispose();

    private AccountEntry Add(DeviceKeys added)
    {
        AccountEntry entry = AccountEntries.Add(_alice.Devices[0].Identity, added.Identity, Alice, _alice.Log.Heads, ++_alice.Now);
        Assert.True(_alice.Log.Add(entry).IsOk);
        return entry;
    }

    private string Snapshot() =>
        string.Join("|", _logs.Load(Alice).Select(Convert.ToHexString)) + "#"
        + string.Join("|", _devices.Load(Alice).Select(r => Convert.ToHexString(r.ToBytes()))) + "#"
        + Convert.ToHexString(_contacts.Find(Alice)!.ToBytes());
}
