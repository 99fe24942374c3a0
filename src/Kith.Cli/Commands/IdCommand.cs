using System.CommandLine;
using Kith.Api;
using Kith.Api.Identity;

namespace Kith.Cli.Commands;

/// <summary><c>kith id</c>: this account's contact card as text, link and a QR code for the terminal.</summary>
internal static class IdCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var command = new Command("id", "Show this account's contact card: text and link to send, and a QR code to scan.");
        command.SetAction((parse, cancellationToken) => NodeCall.RunAsync(parse, global, io,
            (client, token) => client.GetAsync(ApiRoutes.Identity, ApiJson.Default.IdentityCard, token),
            ApiJson.Default.IdentityCard, card => Render(io, card), cancellationToken));
        return command;
    }

    private static void Render(CliIo io, IdentityCard card)
    {
        io.Out.WriteLine($"{(card.DisplayName.Length > 0 ? card.DisplayName : "(no name)")} — account {card.AccountId}");
        io.Out.WriteLine();
        io.Out.WriteLine("Card (send it by chat or mail; `kith contact add` reads it):");
        io.Out.WriteLine(card.Text);
        io.Out.WriteLine();
        io.Out.WriteLine("Link:");
        io.Out.WriteLine(card.Link);
        if (card.QrText.Length > 0)
        {
            io.Out.WriteLine();
            io.Out.WriteLine("QR code (scan it in person):");
            io.Out.WriteLine(card.QrText);
        }

        io.Out.WriteLine($"The card's keys expire on {DateTimeOffset.FromUnixTimeMilliseconds(card.ExpiresAtUnixMs):yyyy-MM-dd}; run `kith id` again for a fresh one.");
    }
}
