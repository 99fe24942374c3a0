using System.CommandLine;
using Kith.Api;
using Kith.Api.Devices;
using Spectre.Console;

namespace Kith.Cli.Commands;

/// <summary>
/// <c>kith devices list</c>: this account's devices; <c>kith devices link</c> (<see cref="DeviceLinkCommand"/>): add one;
/// <c>kith devices revoke</c>: revoke one of them.
/// </summary>
internal static class DevicesCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var list = new Command("list", "List this account's devices.");
        list.SetAction((parse, cancellationToken) => NodeCall.RunAsync(parse, global, io,
            (client, token) => client.GetAsync(ApiRoutes.Devices, ApiJson.Default.IReadOnlyListDeviceView, token),
            ApiJson.Default.IReadOnlyListDeviceView, devices =>
            {
                var table = new Table().AddColumns("Device", "Onion address", "");
                foreach (DeviceView device in devices)
                {
                    table.AddRow(new Text(device.DeviceId[..16]), new Text(device.OnionAddress ?? "unknown"),
                        new Text(device.Revoked ? "revoked" : device.ThisDevice ? "this device" : ""));
                }

                io.Console.Write(table);
            }, cancellationToken));
        return new Command("devices", "This account's devices.") { list, DeviceLinkCommand.Create(global, io), Revoke(global, io) };
    }

    /// <summary>
    /// <c>kith devices revoke &lt;device&gt;</c>: the full id or 8 or more of its first hex digits. The node refuses an
    /// unknown or ambiguous id, this device itself, and an already revoked one, with one sentence and exit code 1.
    /// </summary>
    private static Command Revoke(GlobalOptions global, CliIo io)
    {
        var device = new Argument<string>("device") { Description = "The device's id, or 8 or more of its first hex digits (see kith devices list)." };
        var revoke = new Command("revoke", "Revoke one of this account's other devices: it receives nothing sent afterwards.") { device };
        revoke.SetAction((parse, cancellationToken) => NodeCall.RunAsync<DeviceView>(parse, global, io,
            (client, token) => client.PostAsync(ApiRoutes.DeviceRevoke, new RevokeDeviceRequest(parse.GetValue(device)!),
                ApiJson.Default.RevokeDeviceRequest, ApiJson.Default.DeviceView, token),
            ApiJson.Default.DeviceView,
            view => io.Out.WriteLine($"Device {view.DeviceId[..16]} is revoked; it receives nothing sent from now on."),
            cancellationToken));
        return revoke;
    }
}
