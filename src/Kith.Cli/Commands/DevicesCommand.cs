using System.CommandLine;
using Kith.Api;
using Kith.Api.Devices;
using Spectre.Console;

namespace Kith.Cli.Commands;

/// <summary><c>kith devices list</c> and <c>kith devices link</c> (<see cref="DeviceLinkCommand"/>): this account's devices.</summary>
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
        return new Command("devices", "This account's devices.") { list, DeviceLinkCommand.Create(global, io) };
    }
}
