using Kith.Api.Messages;

namespace Kith.Integration.Tests.Support;

/// <summary>The steps every scenario starts with, done through the CLI as a person would.</summary>
internal static class People
{
    /// <summary><c>kith init --name</c> on a new device with its own tor, then <c>kith-node run</c>.</summary>
    public static async Task<KithDevice> OnlineAsync(IntegrationNetwork network, string device, string displayName, CancellationToken cancellationToken)
    {
        var created = await KithDevice.CreateAsync(network, device, cancellationToken);
        (await created.KithAsync("init", "--name", displayName)).EnsureSuccess();
        await created.StartAsync();
        return created;
    }

    /// <summary>Each reads the other's card with <c>kith id --json</c> and adds it with <c>kith contact add</c>.</summary>
    public static async Task ExchangeCardsAsync(KithDevice one, KithDevice other)
    {
        var oneCard = await one.CardAsync();
        var otherCard = await other.CardAsync();
        (await one.KithAsync("contact", "add", otherCard.Text)).EnsureSuccess();
        (await other.KithAsync("contact", "add", oneCard.Text)).EnsureSuccess();
    }

    /// <summary>The texts of a chat as the node shows them, oldest first.</summary>
    public static async Task<string[]> TextsAsync(KithDevice device, string contact, CancellationToken cancellationToken) =>
        [.. (await device.Api.ChatAsync(contact, cancellationToken)).Messages.Select(m => m.Text)];

    /// <summary>Waits until <paramref name="device"/>'s chat with <paramref name="contact"/> holds every text of <paramref name="expected"/>.</summary>
    public static Task<string[]> UntilShownAsync(KithDevice device, string contact, IReadOnlyCollection<string> expected, CancellationToken cancellationToken) =>
        Eventually.UntilAsync($"{device.Name} shows [{string.Join(", ", expected)}]", token => TextsAsync(device, contact, token),
            texts => expected.All(texts.Contains), cancellationToken);

    public static bool Delivered(MessageView message) => message.Delivery is { Stage: not DeliveryStage.Queued };
}
