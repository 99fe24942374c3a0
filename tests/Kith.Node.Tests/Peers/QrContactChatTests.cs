using System.Net.Http.Json;
using Kith.Api;
using Kith.Api.Contacts;
using Kith.Api.Identity;
using Kith.Engine.Messaging;
using Kith.Node.Peers;
using Kith.Node.Tests.Support;
using Kith.Primitives.Ids;
using Kith.Transport.Dialing;
using Kith.Wire.Cards;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Node.Tests.Peers;

/// <summary>
/// Contacts added from QR cards, which carry no prekeys and so no Noise static key: the link handshake's identity
/// payload (libp2p Noise spec, "The libp2p Handshake Payload", with a Kith label) proves each device's static key,
/// the links come up by device identity, the account updates bring the prekeys, a chain announced before they came
/// is handed over late, and the two chat both ways. Failed on main: the authoriser refused both devices.
/// </summary>
public sealed class QrContactChatTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Contacts_added_from_QR_cards_chat_both_ways()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        NodeOptions aliceOptions = Linking.Options(70, time);
        NodeOptions bobOptions = Linking.Options(71, time);
        await using TestNode alice = await TestNode.StartAsync("Alice", aliceOptions,
            (device, links, _) => MessengerHandlers.Of(device, links, aliceOptions));
        await using TestNode bob = await TestNode.StartAsync("Bob", bobOptions,
            (device, links, _) => MessengerHandlers.Of(device, links, bobOptions));
        Messenger alices = alice.Host.Messenger!;
        Messenger bobs = bob.Host.Messenger!;
        AccountId aliceAccount = alice.Host.Device.Account;
        AccountId bobAccount = bob.Host.Device.Account;

        // Alice scans Bob's code and writes at once: Bob does not know her yet, so his prekeys cannot have reached her.
        await AddFromQr(alice, bob);
        await Linking.Until(() => alices.Conversations().Contains(alices.ConversationWith(bobAccount)));
        Assert.All(alice.Host.Peers.Directory.All, peer => Assert.Null(peer.StaticKey));
        _ = alices.SendText(bobAccount, "hello Bob").Value;

        // Bob scans Alice's code: the devices link by identity, exchange account updates (prekeys), and Alice's chain
        // is handed to Bob late, so the message written before is shown.
        await AddFromQr(bob, alice);
        await Linking.Until(() => Linking.Texts(bobs, aliceAccount).Contains("hello Bob"), time);
        _ = bobs.SendText(aliceAccount, "hello Alice").Value;
        await Linking.Until(() => Linking.Texts(alices, bobAccount).SequenceEqual(["hello Bob", "hello Alice"]), time);

        Assert.Equal(["hello Bob", "hello Alice"], Linking.Texts(bobs, aliceAccount));
        Assert.All(alice.Host.Peers.Directory.All, peer => Assert.NotNull(peer.StaticKey));
    }

    [Fact]
    public async Task A_device_known_only_from_a_QR_card_is_dialled_and_authorised_by_its_identity()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using TestNode alice = await TestNode.StartAsync("Alice", Linking.Options(72, time));
        await using TestNode bob = await TestNode.StartAsync("Bob", Linking.Options(73, time));
        await AddFromQr(alice, bob);
        DeviceId bobsDevice = bob.Host.Device.Device;
        byte[] anyStatic = new byte[32];

        alice.Host.Peers.Directory.Refresh();
        KnownPeer known = Assert.Single(alice.Host.Peers.Directory.All);
        Assert.Equal(bobsDevice, known.Device);
        Assert.Null(known.StaticKey);
        PeerAddress address = new PeerAddressing(Direct: true).AddressOf(known)!;
        Assert.True(address.StaticPublicKey.IsEmpty);
        Assert.Equal(bobsDevice, address.Peer);
        Assert.Equal(bobsDevice, alice.Host.Peers.Directory.Authorise(anyStatic, bobsDevice));
        Assert.Null(alice.Host.Peers.Directory.Authorise(anyStatic, alice.Host.Device.Device));
        Assert.Null(bob.Host.Peers.Directory.Authorise(anyStatic, alice.Host.Device.Device));
    }

    /// <summary><paramref name="to"/> adds <paramref name="whose"/>'s card from what its QR code holds (no prekeys).</summary>
    private static async Task AddFromQr(TestNode to, TestNode whose)
    {
        IdentityCard card = (await whose.Http.GetFromJsonAsync(ApiRoutes.Identity, ApiJson.Default.IdentityCard, Token))!;
        Assert.All(ContactCardText.Decode(card.QrPayload).Value.Devices, record => Assert.Null(record.Prekeys));
        using HttpResponseMessage added = await to.Http.PostAsJsonAsync(ApiRoutes.Contacts, new AddContactRequest(card.QrPayload),
            ApiJson.Default.AddContactRequest, Token);
        added.EnsureSuccessStatusCode();
    }

}
