using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Wire.Accounts;

namespace Kith.Protocol.Tests.Accounts;

public class AccountLogTests
{
    private static DeviceId Id(Ed25519SigningKey key) => AccountFixture.Id(key);

    /// <summary>Offers <paramref name="entry"/> and checks the refusal code and that the log is exactly as before.</summary>
    private static void AssertRefusedWithoutChange(AccountLog log, AccountEntry entry, KithError expected)
    {
        byte[][] before = [.. log.Entries.Select(e => e.ToBytes())];
        var heads = log.Heads;
        var view = log.Current();
        Result<AccountEntry> result = log.Add(entry.ToBytes());
        Assert.False(result.IsOk);
        Assert.Equal(expected.Code, result.Error.Code);
        Assert.Equal(before, log.Entries.Select(e => e.ToBytes()));
        Assert.Equal(heads, log.Heads);
        Assert.Equal(view.Members, log.Current().Members);
        Assert.Equal(view.Revoked, log.Current().Revoked);
        Assert.Equal(view.DisplayName, log.Current().DisplayName);
    }

    [Fact]
    public void Account_id_is_the_hash_of_the_genesis_and_the_first_device_is_the_only_member()
    {
        var f = new AccountFixture(1);
        Assert.Equal(f.Log.Genesis.Id.ToArray(), f.Account.ToArray());
        Assert.Equal([Id(f.Keys[0])], f.Log.Current().Members);
        Assert.False(f.Log.Current().IsForked);
    }

    [Fact]
    public void Added_devices_become_members_and_revoked_ones_leave_for_good()
    {
        var f = new AccountFixture(2);
        f.Add(0, 1);
        f.Add(1, 2);
        f.Revoke(2, 0);
        AccountView view = f.Log.Current();
        Assert.Equal(new[] { Id(f.Keys[1]), Id(f.Keys[2]) }.Order(), view.Members);
        Assert.Equal([Id(f.Keys[0])], view.Revoked);
        var readd = AccountEntries.Add(f.Keys[1], f.Keys[0], f.Account, f.Log.Heads, f.Tick());
        AssertRefusedWithoutChange(f.Log, readd, AccountErrors.DeviceRevoked);
    }

    [Fact]
    public void The_latest_profile_by_a_member_names_the_account()
    {
        var f = new AccountFixture(3);
        f.Profile(0, "Ada");
        f.Add(0, 1);
        f.Profile(1, "Ada Lovelace");
        Assert.Equal("Ada Lovelace", f.Log.Current().DisplayName);
    }

    [Fact]
    public void An_entry_signed_by_another_key_than_its_author_is_refused()
    {
        var f = new AccountFixture(4);
        f.Add(0, 1);
        byte[] unsigned = AccountEntry.BuildUnsigned(AccountEntryKind.Profile, f.Account, f.Log.Heads, Id(f.Keys[0]), f.Tick(), [0, 3, 0x45, 0x76, 0x65]);
        var forged = AccountEntry.Assemble(unsigned, AccountEntries.SignAsAuthor(f.Keys[1], unsigned), default).Value;
        AssertRefusedWithoutChange(f.Log, forged, AccountErrors.BadSignature);
    }

    [Fact]
    public void An_entry_by_a_device_that_is_not_a_member_is_refused()
    {
        var f = new AccountFixture(5);
        var outsider = AccountEntries.Profile(f.Keys[2], f.Account, f.Log.Heads, f.Tick(), "Mallory");
        AssertRefusedWithoutChange(f.Log, outsider, AccountErrors.AuthorNotMember);
    }

    [Fact]
    public void An_entry_by_a_revoked_device_is_refused()
    {
        var f = new AccountFixture(6);
        f.Add(0, 1);
        f.Revoke(0, 1);
        var late = AccountEntries.Revoke(f.Keys[1], f.Account, f.Log.Heads, f.Tick(), Id(f.Keys[0]));
        AssertRefusedWithoutChange(f.Log, late, AccountErrors.AuthorRevoked);
    }

    [Fact]
    public void An_addition_without_the_new_devices_signature_is_refused()
    {
        var f = new AccountFixture(7);
        byte[] unsigned = AccountEntries.ProposeAdd(Id(f.Keys[0]), f.Account, f.Log.Heads, f.Tick(), Id(f.Keys[1]));
        byte[] authorSignature = AccountEntries.SignAsAuthor(f.Keys[0], unsigned);
        // The author's own signature in the co-signature slot, zeros, and a third device's signature all fail.
        foreach (byte[] coSignature in new[] { authorSignature, new byte[64], AccountEntries.SignAsNewDevice(f.Keys[2], unsigned) })
        {
            var entry = AccountEntry.Assemble(unsigned, authorSignature, coSignature).Value;
            AssertRefusedWithoutChange(f.Log, entry, AccountErrors.MissingCoSignature);
        }
    }

    [Fact]
    public void A_replayed_entry_is_refused()
    {
        var f = new AccountFixture(8);
        AccountEntry add = f.Add(0, 1);
        AssertRefusedWithoutChange(f.Log, add, AccountErrors.AlreadyKnown);
        AssertRefusedWithoutChange(f.Log, f.Log.Genesis, AccountErrors.AlreadyKnown);
    }

    [Fact]
    public void An_entry_of_another_account_is_refused()
    {
        var f = new AccountFixture(9);
        var other = new AccountFixture(10);
        AccountEntry foreign = other.Add(0, 1);
        AssertRefusedWithoutChange(f.Log, foreign, AccountErrors.WrongAccount);
        AssertRefusedWithoutChange(f.Log, other.Log.Genesis, AccountErrors.NotGenesis);
    }

    [Fact]
    public void An_entry_with_an_unknown_parent_is_refused_as_retryable()
    {
        var f = new AccountFixture(11);
        var phantom = EventId.FromBytes(Blake2b.Hash256([1, 2, 3]));
        var entry = AccountEntries.Profile(f.Keys[0], f.Account, [phantom], f.Tick(), "Ghost");
        AssertRefusedWithoutChange(f.Log, entry, AccountErrors.UnknownParents);
        Assert.True(AccountErrors.UnknownParents.Retryable);
    }

    [Fact]
    public void An_entry_dated_before_its_parent_is_refused()
    {
        var f = new AccountFixture(12);
        var entry = AccountEntries.Profile(f.Keys[0], f.Account, f.Log.Heads, f.Now - 1, "Past");
        AssertRefusedWithoutChange(f.Log, entry, AccountErrors.TimeWentBackwards);
    }

    [Fact]
    public void Self_revocation_and_revoking_a_stranger_are_refused()
    {
        var f = new AccountFixture(13);
        f.Add(0, 1);
        AssertRefusedWithoutChange(f.Log, AccountEntries.Revoke(f.Keys[1], f.Account, f.Log.Heads, f.Tick(), Id(f.Keys[1])), AccountErrors.SelfRevocation);
        AssertRefusedWithoutChange(f.Log, AccountEntries.Revoke(f.Keys[1], f.Account, f.Log.Heads, f.Tick(), Id(f.Keys[2])), AccountErrors.NotMember);
        AssertRefusedWithoutChange(f.Log, AccountEntries.Add(f.Keys[0], f.Keys[1], f.Account, f.Log.Heads, f.Tick()), AccountErrors.AlreadyMember);
    }

    [Fact]
    public void A_flipped_bit_anywhere_in_an_entry_never_gets_it_accepted()
    {
        var f = new AccountFixture(14);
        AccountEntry add = AccountEntries.Add(f.Keys[0], f.Keys[1], f.Account, f.Log.Heads, f.Tick());
        byte[] bytes = add.ToBytes();
        for (int bit = 0; bit < bytes.Length * 8; bit++)
        {
            byte[] flipped = (byte[])bytes.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(f.Log.Add(flipped).IsOk, $"bit {bit}");
        }

        Assert.Equal(1, f.Log.Count);
    }

    [Fact]
    public void Two_members_revoking_each_other_concurrently_is_a_fork()
    {
        var f = new AccountFixture(15);
        f.Add(0, 1);
        f.Add(0, 2);
        var heads = f.Log.Heads;
        var aRevokesB = AccountEntries.Revoke(f.Keys[0], f.Account, heads, f.Tick(), Id(f.Keys[1]));
        var bRevokesA = AccountEntries.Revoke(f.Keys[1], f.Account, heads, f.Tick(), Id(f.Keys[0]));
        Assert.True(f.Log.Add(aRevokesB).IsOk);
        Assert.False(f.Log.Current().IsForked);
        Assert.True(f.Log.Add(bRevokesA).IsOk);
        AccountView view = f.Log.Current();
        Assert.True(view.IsForked);
        Assert.Equal(2, view.Conflicts.Count);
        Assert.Equal([Id(f.Keys[2])], view.Members);
        // Each branch alone is not forked.
        Assert.False(f.Log.ViewAt([aRevokesB.Id]).IsForked);
        Assert.False(f.Log.ViewAt([bRevokesA.Id]).IsForked);
    }

    [Fact]
    public void A_revoked_device_adding_a_device_of_its_own_concurrently_is_a_fork()
    {
        var f = new AccountFixture(16, devices: 4);
        f.Add(0, 1);
        var heads = f.Log.Heads;
        var revokeStolen = AccountEntries.Revoke(f.Keys[0], f.Account, heads, f.Tick(), Id(f.Keys[1]));
        var thiefAdds = AccountEntries.Add(f.Keys[1], f.Keys[3], f.Account, heads, f.Tick());
        Assert.True(f.Log.Add(thiefAdds).IsOk);
        Assert.True(f.Log.Add(revokeStolen).IsOk);
        AccountView view = f.Log.Current();
        Assert.Equal([new AccountConflict(revokeStolen.Id, Id(f.Keys[1]), thiefAdds.Id)], view.Conflicts);
    }

    [Fact]
    public void A_profile_change_concurrent_with_a_revocation_is_not_a_fork_and_is_ignored()
    {
        var f = new AccountFixture(17);
        f.Add(0, 1);
        f.Profile(0, "Grace");
        var heads = f.Log.Heads;
        Assert.True(f.Log.Add(AccountEntries.Revoke(f.Keys[0], f.Account, heads, f.Tick(), Id(f.Keys[1]))).IsOk);
        Assert.True(f.Log.Add(AccountEntries.Profile(f.Keys[1], f.Account, heads, f.Tick(), "Thief")).IsOk);
        AccountView view = f.Log.Current();
        Assert.False(view.IsForked);
        Assert.Equal("Grace", view.DisplayName);
    }

    [Fact]
    public void A_log_stored_and_loaded_again_is_the_same_log()
    {
        var f = new AccountFixture(18);
        f.Add(0, 1);
        f.Profile(1, "Lin");
        f.Revoke(1, 0);
        var store = new InMemoryAccountLogStore();
        foreach (AccountEntry entry in f.Log.Entries)
        {
            store.Append(f.Account, entry);
            store.Append(f.Account, entry);
        }

        AccountLog loaded = AccountLog.Load(store.Load(f.Account)).Value;
        Assert.Equal(f.Log.Current().Members, loaded.Current().Members);
        Assert.Equal(f.Log.Heads, loaded.Heads);
        Assert.Equal(f.Log.Count, loaded.Count);
    }

    [Fact]
    public void Entry_encoding_round_trips_and_truncations_are_errors()
    {
        var f = new AccountFixture(19);
        AccountEntry add = f.Add(0, 1);
        byte[] bytes = add.ToBytes();
        Assert.Equal(bytes, AccountEntry.Decode(bytes).Value.ToBytes());
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.False(AccountEntry.Decode(bytes.AsSpan(0, length)).IsOk);
        }

        Assert.False(AccountEntry.Decode([.. bytes, 0]).IsOk);
    }
}
