using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kith.Api;
using Kith.Api.Connection;
using Kith.Api.Contacts;
using Kith.Api.Errors;
using Kith.Api.Events;
using Kith.Api.Identity;
using Kith.Api.Messages;
using Kith.Crypto;
using Messenger = Kith.Engine.Messaging.Messenger;
using Kith.Node.LocalApi;
using Kith.Node.Services;
using Kith.Node.Tests.Support;
using Kith.Storage.Stores;

namespace Kith.Node.Tests.LocalApi;

public sealed class MessageEndpointTests
{
    private const long Now = 1_800_000_000_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_messenger_send_chat_and_delete_answer_503_with_one_sentence()
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 60);

        using HttpResponseMessage send = await alice.Http.PostAsJsonAsync(ApiRoutes.Send, new SendRequest("bob", "hi"), ApiJson.Default.SendRequest, Token);
        using HttpResponseMessage chat = await alice.Http.GetAsync(ApiRoutes.ForContact(ApiRoutes.Chat, "bob"), Token);
        using HttpResponseMessage delete = await alice.Http.PostAsJsonAsync(ApiRoutes.Delete, new DeleteRequest("00", "00"), ApiJson.Default.DeleteRequest, Token);

        foreach (HttpResponseMessage response in (HttpResponseMessage[])[send, chat, delete])
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            ApiError error = (await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!;
            Assert.Equal("node.no_messenger", error.Code);
            Assert.Equal("The node is not connected to the delivery engine.", error.Message);
        }
    }

    [Fact]
    public async Task A_sent_message_is_in_the_chat_queued_for_the_contacts_device_announced_live_and_deletable()
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 61);
        await using TestNode bob = await TestNode.StartAsync("Bob", 62);
        IdentityCard card = (await bob.Http.GetFromJsonAsync(ApiRoutes.Identity, ApiJson.Default.IdentityCard, Token))!;
        using (await alice.Http.PostAsJsonAsync(ApiRoutes.Contacts, new AddContactRequest(card.Link), ApiJson.Default.AddContactRequest, Token))
        {
        }

        await using Wired wired = await Wired.StartAsync(alice);
        using EventReader reader = wired.Services.Events.Subscribe()!;

        using HttpResponseMessage sent = await wired.Http.PostAsJsonAsync(ApiRoutes.Send, new SendRequest("bob", "hello bob"), ApiJson.Default.SendRequest, Token);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        MessageView message = (await sent.Content.ReadFromJsonAsync(ApiJson.Default.MessageView, Token))!;
        Assert.Equal(("hello bob", true, Now), (message.Text, message.FromMe, message.SentAtUnixMs));
        Assert.Equal(new DeliveryState(DeliveryStage.Queued, 0, 1), message.Delivery);
        Assert.Equal(alice.Host.Device.Account.ToString(), message.AuthorAccountId);

        ChatView chat = (await wired.Http.GetFromJsonAsync(ApiRoutes.ForContact(ApiRoutes.Chat, "Bob"), ApiJson.Default.ChatView, Token))!;
        Assert.Equal("Bob", chat.Contact.DisplayName);
        Assert.Equal([message], chat.Messages);

        await foreach (NodeEvent item in reader.ReadAllAsync(Token))
        {
            Assert.Equal(message, Assert.IsType<MessageShown>(item).Message);
            break;
        }

        using HttpResponseMessage deleted = await wired.Http.PostAsJsonAsync(ApiRoutes.Delete,
            new DeleteRequest(message.ConversationId, message.EventId), ApiJson.Default.DeleteRequest, Token);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        ChatView after = (await wired.Http.GetFromJsonAsync(ApiRoutes.ForContact(ApiRoutes.Chat, "Bob"), ApiJson.Default.ChatView, Token))!;
        Assert.Empty(after.Messages);
    }

    [Theory]
    [InlineData("nobody", HttpStatusCode.NotFound, "node.unknown_contact")]
    [InlineData("", HttpStatusCode.NotFound, "node.unknown_contact")]
    public async Task Sending_to_an_unknown_contact_is_refused_and_stores_nothing(string contact, HttpStatusCode status, string code)
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 63);
        await using Wired wired = await Wired.StartAsync(alice);

        using HttpResponseMessage sent = await wired.Http.PostAsJsonAsync(ApiRoutes.Send, new SendRequest(contact, "hi"), ApiJson.Default.SendRequest, Token);

        Assert.Equal(status, sent.StatusCode);
        Assert.Equal(code, (await sent.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!.Code);
        Assert.Equal(0, wired.Messenger.Engine.PendingCount());
    }

    [Fact]
    public async Task Deleting_the_chat_empties_it_and_an_unknown_contact_is_a_404_that_sends_nothing()
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 65);
        await using TestNode bob = await TestNode.StartAsync("Bob", 66);
        IdentityCard card = (await bob.Http.GetFromJsonAsync(ApiRoutes.Identity, ApiJson.Default.IdentityCard, Token))!;
        using (await alice.Http.PostAsJsonAsync(ApiRoutes.Contacts, new AddContactRequest(card.Link), ApiJson.Default.AddContactRequest, Token))
        {
        }

        await using Wired wired = await Wired.StartAsync(alice);
        foreach (string text in (string[])["one", "two"])
        {
            using HttpResponseMessage sent = await wired.Http.PostAsJsonAsync(ApiRoutes.Send, new SendRequest("bob", text), ApiJson.Default.SendRequest, Token);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        long pending = wired.Messenger.Engine.PendingCount();
        using HttpResponseMessage unknown = await wired.Http.PostAsync(ApiRoutes.ForContact(ApiRoutes.DeleteChat, "nobody"), null, Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("node.unknown_contact", (await unknown.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!.Code);
        Assert.Equal(pending, wired.Messenger.Engine.PendingCount());
        Assert.Equal(2, (await wired.Http.GetFromJsonAsync(ApiRoutes.ForContact(ApiRoutes.Chat, "Bob"), ApiJson.Default.ChatView, Token))!.Messages.Count);

        using HttpResponseMessage deleted = await wired.Http.PostAsync(ApiRoutes.ForContact(ApiRoutes.DeleteChat, "Bob"), null, Token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await wired.Http.GetFromJsonAsync(ApiRoutes.ForContact(ApiRoutes.Chat, "Bob"), ApiJson.Default.ChatView, Token))!.Messages);
    }

    [Theory]
    [InlineData("zz", "00")]
    [InlineData("", "")]
    public async Task Deleting_with_a_malformed_id_is_a_400(string conversation, string id)
    {
        await using TestNode alice = await TestNode.StartAsync("Alice", 64);
        await using Wired wired = await Wired.StartAsync(alice);

        using HttpResponseMessage deleted = await wired.Http.PostAsJsonAsync(ApiRoutes.Delete, new DeleteRequest(conversation, id), ApiJson.Default.DeleteRequest, Token);

        Assert.Equal(HttpStatusCode.BadRequest, deleted.StatusCode);
        Assert.Equal("node.bad_id", (await deleted.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!.Code);
    }

    /// <summary>A second API server on the node's device whose services carry a <see cref="Messenger"/> over offline links.</summary>
    private sealed class Wired : IAsyncDisposable
    {
        private readonly ApiServer _api;
        private readonly MessengerEvents _events;

        private Wired(NodeServices services, ApiServer api)
        {
            Services = services;
            Messenger = services.Messenger!;
            _api = api;
            _events = MessengerEvents.Attach(services)!;
            Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{api.Port}") };
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(ApiAuth.Scheme, api.Token.Value);
        }

        public NodeServices Services { get; }

        public Messenger Messenger { get; }

        public HttpClient Http { get; }

        public static async Task<Wired> StartAsync(TestNode node)
        {
            var time = new StoppedClock(Now);
            var contacts = new ContactService(node.Host.Device, node.Host.Events, time);
            var messenger = new Messenger(node.Host.Device.Keys, contacts.Directory(), new SqliteStepRunner(node.Host.Device.Database),
                new OfflineLinks(), time, new SeededRandomSource(7));
            var services = new NodeServices(node.Host.Status, new EventHub(), null!, contacts, null!, messenger);
            var wired = new Wired(services, (await ApiServer.StartAsync(IPAddress.Loopback, services, ApiToken.Generate(new SeededRandomSource(8)), null, Token)).Value);
            messenger.Start();
            return wired;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            _events.Dispose();
            await _api.DisposeAsync();
            Messenger.Dispose();
        }
    }
}
