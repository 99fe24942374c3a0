using System.Net.Http.Json;
using Kith.Api;
using Kith.Api.Contacts;
using Kith.Api.Identity;
using Kith.Engine.Messaging;
using Kith.Primitives.Ids;
using Kith.Wire.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Node.Tests.Support;

/// <summary>What the peer-link tests share: virtual-time options, adding a card, and waiting on a condition.</summary>
internal static class Linking
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A test node's options on <paramref name="time"/>, logging to <paramref name="logs"/> if given.</summary>
    public static NodeOptions Options(ulong seed, TimeProvider time, ILoggerFactory? logs = null) => new()
    {
        Random = TestNode.Options(seed).Random,
        Database = TestNode.Options(seed).Database,
        Time = time,
        Logs = logs ?? NullLoggerFactory.Instance,
    };

    /// <summary><paramref name="to"/> adds <paramref name="whose"/>'s card (the link form, which carries its prekeys).</summary>
    public static async Task Add(TestNode to, TestNode whose)
    {
        IdentityCard card = (await whose.Http.GetFromJsonAsync(ApiRoutes.Identity, ApiJson.Default.IdentityCard, Token))!;
        using HttpResponseMessage added = await to.Http.PostAsJsonAsync(ApiRoutes.Contacts, new AddContactRequest(card.Link),
            ApiJson.Default.AddContactRequest, Token);
        added.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Waits for a condition that real sockets make true, with a generous bound (no timing is measured). Given the
    /// nodes' <paramref name="time"/>, virtual time moves on by <see cref="VirtualStep"/> at each poll, as real time
    /// would: a first attempt that met no link (both nodes dialled each other at once and arbitration closed one
    /// side's link before the other side's was up) is retried by the delivery and reconnect timers, which never fire
    /// while virtual time stands still.
    /// </summary>
    public static async Task Until(Func<bool> condition, FakeTimeProvider? time = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            time?.Advance(VirtualStep);
            await Task.Delay(10, deadline.Token);
        }
    }

    /// <summary>Virtual time per poll of <see cref="Until"/>: 10× real time, well under any link's idle timeout.</summary>
    private static readonly TimeSpan VirtualStep = TimeSpan.FromMilliseconds(100);

    /// <summary>The texts of the latest 50 messages of <paramref name="messenger"/>'s chat with <paramref name="contact"/>, in display order.</summary>
    public static List<string> Texts(Messenger messenger, AccountId contact) =>
        [.. messenger.Latest(messenger.ConversationWith(contact), 50).Value
            .Select(view => view.Content).OfType<TextContent>().Select(text => text.Text)];

    /// <summary>
    /// A1 and Bob add each other and exchange one message each way; returns Bob's account. Virtual time moves while they
    /// wait: a first delivery that met no link is retried on the delivery timers.
    /// </summary>
    public static async Task<AccountId> ChatBothWays(TestNode a1, TestNode bob, FakeTimeProvider time)
    {
        await Add(a1, bob);
        await Add(bob, a1);
        AccountId bobAccount = bob.Host.Device.Account;
        await Until(() => a1.Host.Messenger!.Conversations().Contains(a1.Host.Messenger.ConversationWith(bobAccount)), time);
        _ = a1.Host.Messenger!.SendText(bobAccount, "hello Bob").Value;
        await Until(() => Texts(bob.Host.Messenger!, a1.Host.Device.Account).Contains("hello Bob"), time);
        _ = bob.Host.Messenger!.SendText(a1.Host.Device.Account, "hello Alice").Value;
        await Until(() => Texts(a1.Host.Messenger, bobAccount).Count == 2, time);
        return bobAccount;
    }
}
