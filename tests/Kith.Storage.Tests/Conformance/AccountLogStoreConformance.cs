using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Storage.Tests.Support;
using Kith.Wire.Accounts;

namespace Kith.Storage.Tests.Conformance;

/// <summary>What every <see cref="IAccountLogStore"/> must do, run against each implementation.</summary>
public abstract class AccountLogStoreConformance : OwnedResources
{
    /// <summary>A new empty store.</summary>
    protected abstract IAccountLogStore CreateStore();

    private static byte[][] Encoded(IEnumerable<AccountEntry> entries) => [.. entries.Select(e => e.ToBytes())];

    [Fact]
    public void An_unknown_account_has_no_entries_and_is_not_contained()
    {
        IAccountLogStore store = CreateStore();
        Assert.Empty(store.Load(ProtocolSamples.Account(1)));
        Assert.False(store.Contains(ProtocolSamples.Account(1)));
    }

    [Fact]
    public void Entries_load_back_byte_for_byte_in_the_order_they_were_appended()
    {
        IAccountLogStore store = CreateStore();
        var (account, entries) = ProtocolSamples.AccountLog(1, profiles: 4);
        foreach (AccountEntry entry in entries)
        {
            store.Append(account, entry);
        }

        Assert.True(store.Contains(account));
        Assert.Equal(Encoded(entries), store.Load(account));
    }

    [Fact]
    public void Appending_an_entry_already_stored_does_nothing()
    {
        IAccountLogStore store = CreateStore();
        var (account, entries) = ProtocolSamples.AccountLog(2, profiles: 2);
        store.Append(account, entries[0]);
        store.Append(account, entries[1]);
        store.Append(account, entries[0]);
        store.Append(account, entries[1]);
        store.Append(account, entries[2]);
        Assert.Equal(Encoded(entries), store.Load(account));
    }

    [Fact]
    public void Accounts_are_kept_apart()
    {
        IAccountLogStore store = CreateStore();
        var (first, firstEntries) = ProtocolSamples.AccountLog(3, profiles: 2, name: "First");
        var (second, secondEntries) = ProtocolSamples.AccountLog(4, profiles: 1, name: "Second");
        store.Append(first, firstEntries[0]);
        store.Append(second, secondEntries[0]);
        store.Append(first, firstEntries[1]);
        store.Append(second, secondEntries[1]);
        store.Append(first, firstEntries[2]);
        Assert.Equal(Encoded(firstEntries), store.Load(first));
        Assert.Equal(Encoded(secondEntries), store.Load(second));
        Assert.False(store.Contains(ProtocolSamples.Account(9)));
    }

    [Fact]
    public void The_same_entry_can_belong_to_two_accounts_logs()
    {
        // The store does not judge which account an entry belongs to; that is AccountLog's job.
        IAccountLogStore store = CreateStore();
        var (account, entries) = ProtocolSamples.AccountLog(5, profiles: 0);
        AccountId other = ProtocolSamples.Account(7);
        store.Append(account, entries[0]);
        store.Append(other, entries[0]);
        Assert.Equal(Encoded(entries), store.Load(account));
        Assert.Equal(Encoded(entries), store.Load(other));
    }

    [Fact]
    public void A_loaded_log_rebuilds_the_same_account_log()
    {
        IAccountLogStore store = CreateStore();
        var (account, entries) = ProtocolSamples.AccountLog(6, profiles: 3, name: "Grace");
        entries.ForEach(entry => store.Append(account, entry));
        AccountLog log = AccountLog.Load(store.Load(account)).Value;
        Assert.Equal(account.ToArray(), log.Genesis.Id.ToArray());
        Assert.Equal("Grace 2", log.Current().DisplayName);
    }

    [Fact]
    public void Loaded_entries_are_copies_the_caller_may_change()
    {
        IAccountLogStore store = CreateStore();
        var (account, entries) = ProtocolSamples.AccountLog(8, profiles: 0);
        store.Append(account, entries[0]);
        store.Load(account)[0][0] ^= 0xFF;
        Assert.Equal(Encoded(entries), store.Load(account));
    }
}
