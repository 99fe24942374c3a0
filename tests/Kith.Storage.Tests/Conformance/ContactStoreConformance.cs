using Kith.Primitives.Ids;
using Kith.Protocol.Contacts;
using Kith.Protocol.Trust;
using Kith.Storage.Tests.Support;

namespace Kith.Storage.Tests.Conformance;

/// <summary>What every <see cref="IContactStore"/> must do, run against each implementation.</summary>
public abstract class ContactStoreConformance : OwnedResources
{
    /// <summary>A new empty store.</summary>
    protected abstract IContactStore CreateStore();

    /// <summary>Records hold a list, so compare their encodings.</summary>
    private static void AssertSame(ContactRecord expected, ContactRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ToBytes(), actual.ToBytes());
    }

    [Fact]
    public void An_unknown_account_has_no_record_and_an_empty_store_lists_none()
    {
        IContactStore store = CreateStore();
        Assert.Null(store.Find(ProtocolSamples.Account(1)));
        Assert.Empty(store.All());
    }

    [Fact]
    public void A_record_reads_back_with_every_field()
    {
        IContactStore store = CreateStore();
        ContactRecord record = ProtocolSamples.Contact(ProtocolSamples.Account(1), "Zoë 🦊 Ålesund", TrustState.Compromised, forks: 3);
        store.Put(record);
        ContactRecord? found = store.Find(record.Account);
        AssertSame(record, found);
        Assert.Equal("Zoë 🦊 Ålesund", found!.DisplayName);
        Assert.Equal(3, found.AcknowledgedForks.Count);
    }

    [Fact]
    public void Putting_a_record_for_the_same_account_replaces_it()
    {
        IContactStore store = CreateStore();
        AccountId account = ProtocolSamples.Account(2);
        store.Put(ProtocolSamples.Contact(account, "Old"));
        ContactRecord newer = ProtocolSamples.Contact(account, "New", TrustState.Validated);
        store.Put(newer);
        AssertSame(newer, store.Find(account));
        Assert.Single(store.All());
    }

    [Fact]
    public void All_lists_every_record_ordered_by_account()
    {
        IContactStore store = CreateStore();
        byte[] fills = [9, 3, 200, 1, 77];
        foreach (byte fill in fills)
        {
            store.Put(ProtocolSamples.Contact(ProtocolSamples.Account(fill), $"Contact {fill}"));
        }

        IReadOnlyList<ContactRecord> all = store.All();
        Assert.Equal(fills.Order().Select(ProtocolSamples.Account), all.Select(r => r.Account));
        Assert.All(all, r => AssertSame(ProtocolSamples.Contact(r.Account, $"Contact {r.Account.Span[0]}"), r));
    }

    [Fact]
    public void Accounts_are_kept_apart()
    {
        IContactStore store = CreateStore();
        ContactRecord first = ProtocolSamples.Contact(ProtocolSamples.Account(1), "First");
        ContactRecord second = ProtocolSamples.Contact(ProtocolSamples.Account(2), "Second");
        store.Put(first);
        store.Put(second);
        AssertSame(first, store.Find(first.Account));
        AssertSame(second, store.Find(second.Account));
    }

    [Fact]
    public void An_empty_display_name_is_a_name_like_any_other()
    {
        IContactStore store = CreateStore();
        ContactRecord record = ProtocolSamples.Contact(ProtocolSamples.Account(4), "");
        store.Put(record);
        AssertSame(record, store.Find(record.Account));
    }
}
