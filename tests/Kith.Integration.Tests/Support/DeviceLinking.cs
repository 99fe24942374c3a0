using System.Text;
using System.Text.Json.Nodes;
using Kith.Api;

namespace Kith.Integration.Tests.Support;

/// <summary>
/// Links a new device into an existing device's account (docs/ACCOUNTS.md, "Linking a device") as a person does:
/// <c>kith-node init --link</c> on the new device, its node started, then the <c>POST/GET /v1/devices/link</c> calls
/// that <c>kith devices link</c> (new side: shows the code) and <c>kith devices link CODE --confirm NNNNNN</c>
/// (existing side) make, both sides confirming the same six digits. Through the API rather than the CLI, so each
/// side's progress can be read between the steps; the CLI's own flow is tested in Kith.Cli.Tests.
/// </summary>
internal static class DeviceLinking
{
    public static async Task<KithDevice> LinkNewAsync(IntegrationNetwork network, KithDevice existing, string name, CancellationToken cancellationToken)
    {
        var created = await KithDevice.CreateAsync(network, name, cancellationToken);
        var init = await created.NodeCommandAsync("init", "--link");
        init.EnsureSuccess();
        await created.StartAsync();

        var shown = await PostAsync(created, code: null, confirm: null, cancellationToken);
        Assert.Equal("Waiting", shown.State);
        var code = shown.Code ?? throw new InvalidOperationException($"{name} showed no link code: {shown}");
        await PostAsync(existing, code, confirm: null, cancellationToken);
        var entered = await Eventually.UntilAsync($"{existing.Name} reaches {name} and shows the six digits", token => ProgressAsync(existing, token),
            p => p.State is "Confirming" or "Failed", cancellationToken);
        Assert.True(entered.State == "Confirming", $"{existing.Name}: {entered}");
        var digits = entered.ConfirmationCode!;
        var atNew = await Eventually.UntilAsync($"{name} shows the six digits", token => ProgressAsync(created, token),
            p => p.ConfirmationCode is not null || p.State == "Failed", cancellationToken);
        Assert.Equal(digits, atNew.ConfirmationCode);

        await PostAsync(created, code: null, digits, cancellationToken);
        await PostAsync(existing, code, digits, cancellationToken);
        foreach (var side in new[] { existing, created })
        {
            var done = await Eventually.UntilAsync($"{side.Name} finishes linking {name}", token => ProgressAsync(side, token),
                p => p.State is "Linked" or "Failed", cancellationToken);
            Assert.True(done.State == "Linked", $"{side.Name}: {done}");
        }

        // The new device's status shows the adopted account once its messenger has started on it.
        var account = (await existing.StatusAsync()).AccountId;
        await Eventually.UntilAsync($"{name} reports {existing.Name}'s account", async token => (await created.Api.StatusAsync(token)).AccountId,
            id => id == account, cancellationToken);
        return created;
    }

    /// <summary>This account's devices that are not revoked, as <c>GET /v1/devices</c> lists them.</summary>
    public static async Task<string[]> DevicesAsync(KithDevice device, CancellationToken cancellationToken) =>
        [.. (await device.Api.GetAsync(ApiRoutes.Devices, ApiJson.Default.IReadOnlyListDeviceView, cancellationToken))
            .Where(d => !d.Revoked).Select(d => d.DeviceId).Order(StringComparer.Ordinal)];

    /// <summary>
    /// <c>POST /v1/devices/link {code, confirm}</c>. The JSON is read and written by field name, not through Kith.Api's
    /// link DTOs, so these tests build both before and after the confirmation fields join them.
    /// </summary>
    private static async Task<Progress> PostAsync(KithDevice device, string? code, string? confirm, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["code"] = code, ["confirm"] = confirm };
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await device.Api.PostRawAsync(ApiRoutes.DeviceLink, content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{device.Name} POST {ApiRoutes.DeviceLink}: {(int)response.StatusCode} {body}");
        return Progress.Parse(body);
    }

    private static async Task<Progress> ProgressAsync(KithDevice device, CancellationToken cancellationToken) =>
        Progress.Parse(await device.Api.GetTextAsync(ApiRoutes.DeviceLink, cancellationToken));

    /// <summary>The fields of <c>LinkDeviceProgress</c> the flow reads.</summary>
    private sealed record Progress(string? Code, string? State, string? Problem, string? ConfirmationCode)
    {
        public static Progress Parse(string json)
        {
            var node = JsonNode.Parse(json)!;
            return new Progress((string?)node["code"], (string?)node["state"], (string?)node["problem"], (string?)node["confirmationCode"]);
        }
    }
}
