using Kith.Node.Services;
using Kith.Primitives.Ids;
using Kith.Protocol.Contacts;
using Kith.Protocol.Trust;

namespace Kith.Node.Tests.Services;

public sealed class ContactResolverTests
{
    private static ContactRecord Contact(byte first, string name)
    {
        var id = new byte[32];
        id[0] = first;
        id[1] = 0x11;
        return new ContactRecord(AccountId.FromBytes(id), TrustState.Unvalidated, CompromiseReason.None, [], name, 0);
    }

    private static readonly ContactRecord[] Contacts = [Contact(0xab, "Bob"), Contact(0xac, "Carol"), Contact(0xad, "bob")];

    [Fact]
    public void A_full_id_or_a_long_enough_prefix_finds_the_contact()
    {
        Assert.Equal("Carol", ContactResolver.Resolve(Contacts, Contacts[1].Account.ToString()).Value.DisplayName);
        Assert.Equal("Carol", ContactResolver.Resolve(Contacts, "AC110000").Value.DisplayName);
    }

    [Fact]
    public void A_short_prefix_is_not_an_id() =>
        Assert.Equal("node.unknown_contact", ContactResolver.Resolve(Contacts, "ac11").Error!.Code);

    [Fact]
    public void A_name_shared_by_two_contacts_is_ambiguous() =>
        Assert.Equal("node.ambiguous_contact", ContactResolver.Resolve(Contacts, "BOB").Error!.Code);

    [Fact]
    public void A_unique_name_matches_case_insensitively() =>
        Assert.Equal("Carol", ContactResolver.Resolve(Contacts, " carol ").Value.DisplayName);
}
