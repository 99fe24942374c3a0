using System.Net;
using System.Net.Http.Json;
using Kith.Api;
using Kith.Api.Devices;
using Kith.Api.Errors;
using Kith.Engine.Messaging;
using Kith.Node.Tests.Support;
using Kith.Primitives.Ids;
using Kith.Protocol.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Node.Tests.Peers;

/// <summary>
/// Issue 5 (account logs travel over links) in direct mode, three nodes with the real Messenger: Alice's A1 adds a
/// device A2 after Bob imported her card, Bob learns it from the account update and reaches A2; A1 then revokes A2
/// through the API, and Bob and A1 stop sending to it while they keep chatting.
/// </summary>
public sealed class AccountChangesThroughNodesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_device_added_after_the_card_is_reached_and_once_revoked_gets_nothing_more()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        NodeOptions a2Options = Linking.Options(72, time);
        await using TestNode a1 = await StartMessengerAsync("Alice", 70, time);
        await using TestNode bob = await StartMessengerAsync("Bob", 71, time);
        await Linking.Add(a1, bob);
        await Linking.Add(bob, a1);
        Messenger alices = a1.Host.Messenger!;
        Messenger bobs = bob.Host.Messenger!;
        AccountId alice = a1.Host.Device.Account;
        AccountId bobAccount = bob.Host.Device.Account;
        await Linking.Until(() => alices.Conversations().Contains(alices.ConversationWith(bobAccount))
            && bobs.Conversations().Contains(bobs.ConversationWith(alice)));

        // A2 joins Alice's account after Bob imported her card; it adds Bob's card itself (contacts are per device).
        (string folder, Wire.Accounts.AccountEntry added) = SecondDevice.Prepare(a1, a2Options);
        await using TestNode a2 = await TestNode.StartExistingAsync(folder, a2Options, (d, l, _) => MessengerHandlers.Of(d, l, a2Options));
        DeviceId a2Id = a2.Host.Device.Device;
        await Linking.Add(a2, bob);
        Messenger a2s = a2.Host.Messenger!;
        Assert.True(alices.PublishAccountChange([added], [SecondDevice.OwnRecord(a2)]).IsOk);

        await Linking.Until(() => SecondDevice.MembersSeenBy(bob, alice).Contains(a2Id));
        EventId both = bobs.SendText(alice, "to both of Alice's devices").Value;
        await Linking.Until(() => Linking.Texts(a2s, bobAccount).Contains("to both of Alice's devices")
            && Linking.Texts(alices, bobAccount).Contains("to both of Alice's devices"));
        Assert.Equal(2, bobs.Engine.StateOf(both).Value.Devices);

        // A1 revokes A2 as the user would (kith devices revoke <prefix>).
        using HttpResponseMessage revoked = await a1.Http.PostAsJsonAsync(ApiRoutes.DeviceRevoke,
            new RevokeDeviceRequest(a2Id.ToString()[..10]), ApiJson.Default.RevokeDeviceRequest, Token);
        revoked.EnsureSuccessStatusCode();
        Assert.True((await revoked.Content.ReadFromJsonAsync(ApiJson.Default.DeviceView, Token))!.Revoked);
        await Linking.Until(() => !SecondDevice.MembersSeenBy(bob, alice).Contains(a2Id));

        EventId fromBob = bobs.SendText(alice, "after the revocation, from Bob").Value;
        EventId fromA1 = alices.SendText(bobAccount, "after the revocation, from A1").Value;
        await Linking.Until(() => Linking.Texts(alices, bobAccount).Contains("after the revocation, from Bob")
            && Linking.Texts(bobs, alice).Contains("after the revocation, from A1"));

        // Neither Bob nor A1 queued anything for A2: each message went to the one other device that remains.
        await Linking.Until(() => bobs.Engine.StateOf(fromBob).Value.IsComplete && alices.Engine.StateOf(fromA1).Value.IsComplete);
        Assert.Equal(new DeliveryState(1, 1, 0), bobs.Engine.StateOf(fromBob).Value);
        Assert.Equal(new DeliveryState(1, 1, 0), alices.Engine.StateOf(fromA1).Value);
        Assert.DoesNotContain("after the revocation, from Bob", Linking.Texts(a2s, bobAccount));
        Assert.DoesNotContain(a2Id, bob.Host.Peers.Directory.All.Select(p => p.Device));
    }

    [Fact]
    public async Task Copies_waiting_for_a_device_are_withdrawn_when_it_is_revoked_so_the_outbox_drains()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        NodeOptions a2Options = Linking.Options(76, time);
        await using TestNode a1 = await StartMessengerAsync("Alice", 74, time);
        await using TestNode bob = await StartMessengerAsync("Bob", 75, time);
        await Linking.Add(a1, bob);
        await Linking.Add(bob, a1);
        Messenger alices = a1.Host.Messenger!;
        Messenger bobs = bob.Host.Messenger!;
        AccountId alice = a1.Host.Device.Account;

        // A2 runs once (to issue its record) and is gone for good before anyone writes to it: a lost device.
        (string folder, Wire.Accounts.AccountEntry added) = SecondDevice.Prepare(a1, a2Options);
        DeviceId a2Id;
        Wire.Devices.DeviceRecord a2Record;
        await using (TestNode a2 = await TestNode.StartExistingAsync(folder, a2Options, (d, l, _) => MessengerHandlers.Of(d, l, a2Options)))
        {
            a2Id = a2.Host.Device.Device;
            a2Record = SecondDevice.OwnRecord(a2);
        }

        Assert.True(alices.PublishAccountChange([added], [a2Record]).IsOk);
        await Linking.Until(() => SecondDevice.MembersSeenBy(bob, alice).Contains(a2Id));
        EventId waiting = bobs.SendText(alice, "A2 never gets this").Value;
        await Linking.Until(() => bobs.Engine.StateOf(waiting).Value.Delivered == 1);
        Assert.Equal(2, bobs.Engine.StateOf(waiting).Value.Devices);
        Assert.True(bobs.Engine.PendingCount() > 0);

        using HttpResponseMessage revoked = await a1.Http.PostAsJsonAsync(ApiRoutes.DeviceRevoke,
            new RevokeDeviceRequest(a2Id.ToString()), ApiJson.Default.RevokeDeviceRequest, Token);
        revoked.EnsureSuccessStatusCode();

        // Bob learns of the revocation and gives up the copy for A2 in the same step; A1 never queues one again.
        await Linking.Until(() => !SecondDevice.MembersSeenBy(bob, alice).Contains(a2Id));
        await Linking.Until(() => bobs.Engine.PendingCount() == 0 && alices.Engine.PendingCount() == 0);
        Assert.Equal(new DeliveryState(1, 1, 0), bobs.Engine.StateOf(waiting).Value);
    }

    [Fact]
    public async Task Revoking_this_device_or_an_unknown_one_is_refused_with_a_sentence()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using TestNode a1 = await StartMessengerAsync("Alice", 73, time);

        (HttpStatusCode self, ApiError selfError) = await Revoke(a1, a1.Host.Device.Device.ToString());
        (HttpStatusCode unknown, ApiError unknownError) = await Revoke(a1, "00000000");
        (HttpStatusCode tooShort, _) = await Revoke(a1, a1.Host.Device.Device.ToString()[..7]);

        Assert.Equal((HttpStatusCode.BadRequest, "account.self_revocation"), (self, selfError.Code));
        Assert.Equal((HttpStatusCode.NotFound, "node.unknown_device"), (unknown, unknownError.Code));
        Assert.Equal(HttpStatusCode.NotFound, tooShort);
        Assert.Equal([a1.Host.Device.Device], SecondDevice.MembersSeenBy(a1, a1.Host.Device.Account));
    }

    /// <summary>A node with the real Messenger, its options from <paramref name="seed"/> on the shared virtual clock.</summary>
    private static Task<TestNode> StartMessengerAsync(string name, ulong seed, FakeTimeProvider time)
    {
        NodeOptions options = Linking.Options(seed, time);
        return TestNode.StartAsync(name, options, (d, l, _) => MessengerHandlers.Of(d, l, options));
    }

    private static async Task<(HttpStatusCode, ApiError)> Revoke(TestNode node, string device)
    {
        using HttpResponseMessage response = await node.Http.PostAsJsonAsync(ApiRoutes.DeviceRevoke,
            new RevokeDeviceRequest(device), ApiJson.Default.RevokeDeviceRequest, Token);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!);
    }

}
