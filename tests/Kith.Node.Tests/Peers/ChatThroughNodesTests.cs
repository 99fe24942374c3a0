using Kith.Api.Events;
using Kith.Engine.Messaging;
using Kith.Node.Tests.Support;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Node.Tests.Peers;

/// <summary>
/// Issue 5, end-to-end test 1 in direct mode: two nodes with the real Messenger in their slot (the one
/// <c>kith-node run</c> uses), each having added the other's card, chat both ways over Noise links on loopback TCP.
/// </summary>
public sealed class ChatThroughNodesTests
{
    [Fact]
    public async Task Alice_and_Bob_chat_both_ways_through_their_nodes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        NodeOptions aliceOptions = Linking.Options(60, time);
        NodeOptions bobOptions = Linking.Options(61, time);
        await using TestNode alice = await TestNode.StartAsync("Alice", aliceOptions,
            (device, links, _) => MessengerHandlers.Of(device, links, aliceOptions));
        await using TestNode bob = await TestNode.StartAsync("Bob", bobOptions,
            (device, links, _) => MessengerHandlers.Of(device, links, bobOptions));
        await Linking.Add(alice, bob);
        await Linking.Add(bob, alice);
        Messenger alices = alice.Host.Messenger!;
        Messenger bobs = bob.Host.Messenger!;
        AccountId aliceAccount = alice.Host.Device.Account;
        AccountId bobAccount = bob.Host.Device.Account;
        // Adding a contact reaches each messenger through the node's contact events, off the API's thread.
        await Linking.Until(() => alices.Conversations().Contains(alices.ConversationWith(bobAccount))
            && bobs.Conversations().Contains(bobs.ConversationWith(aliceAccount)));

        using var bobsStream = bob.Host.Events.Subscribe()!;
        EventId hello = alices.SendText(bobAccount, "hello Bob").Value;
        await Linking.Until(() => Linking.Texts(bobs, aliceAccount).Contains("hello Bob"), time);

        // What kith chat shows live: the node's event stream carries the message (NodeHost attaches it).
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        MessageShown shown = await bobsStream.ReadAllAsync(patience.Token).OfType<MessageShown>().FirstAsync(patience.Token);
        Assert.Equal("hello Bob", shown.Message.Text);
        Assert.False(shown.Message.FromMe);
        EventId reply = bobs.SendText(aliceAccount, "hello Alice").Value;
        await Linking.Until(() => Linking.Texts(alices, bobAccount).SequenceEqual(["hello Bob", "hello Alice"]), time);

        Assert.Equal(["hello Bob", "hello Alice"], Linking.Texts(bobs, aliceAccount));
        await Linking.Until(() => alices.Engine.StateOf(hello).Value.Status != DeliveryStatus.Queued
            && bobs.Engine.StateOf(reply).Value.Status != DeliveryStatus.Queued, time);
    }

}
