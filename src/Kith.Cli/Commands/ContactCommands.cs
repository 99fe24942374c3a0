using System.CommandLine;
using Kith.Api;
using Kith.Api.Contacts;
using Spectre.Console;

namespace Kith.Cli.Commands;

/// <summary><c>kith contact add &lt;card|link&gt;</c> and <c>kith contacts</c>.</summary>
internal static class ContactCommands
{
    public static Command Add(GlobalOptions global, CliIo io)
    {
        var card = new Argument<string[]>("card")
        {
            Description = "The card text (KITH-…) or link (kith:…); quote it, or pass it in pieces: spaces and line breaks are ignored.",
            Arity = ArgumentArity.OneOrMore,
        };
        var add = new Command("add", "Add a contact from the card they sent you.") { card };
        add.SetAction((parse, cancellationToken) => NodeCall.RunAsync(parse, global, io,
            (client, token) => client.PostAsync(ApiRoutes.Contacts, new AddContactRequest(string.Concat(parse.GetValue(card) ?? [])),
                ApiJson.Default.AddContactRequest, ApiJson.Default.ContactView, token),
            ApiJson.Default.ContactView, contact => io.Out.WriteLine(
                $"Added {Name(contact)} ({Words.Trust(contact.Trust)}). Compare safety numbers with `kith verify {contact.AccountId[..16]}`."),
            cancellationToken));
        return new Command("contact", "Manage one contact.") { add };
    }

    public static Command List(GlobalOptions global, CliIo io)
    {
        var list = new Command("contacts", "List contacts with their trust state.");
        list.SetAction((parse, cancellationToken) => NodeCall.RunAsync(parse, global, io,
            (client, token) => client.GetAsync(ApiRoutes.Contacts, ApiJson.Default.IReadOnlyListContactView, token),
            ApiJson.Default.IReadOnlyListContactView, contacts => Render(io, contacts), cancellationToken));
        return list;
    }

    internal static string Name(ContactView contact) => contact.DisplayName.Length > 0 ? contact.DisplayName : "(no name)";

    private static void Render(CliIo io, IReadOnlyList<ContactView> contacts)
    {
        if (contacts.Count == 0)
        {
            io.Out.WriteLine("No contacts yet: `kith contact add <card>` adds one.");
            return;
        }

        var table = new Table().AddColumns("Name", "Account", "Trust", "Devices");
        foreach (ContactView contact in contacts)
        {
            // Names come from other people's accounts: Text, never Markup, so brackets in a name stay text.
            table.AddRow(new Text(Name(contact)), new Text(contact.AccountId[..16]), new Text(Words.Trust(contact.Trust, contact.CompromiseReason)),
                new Text(contact.Devices.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        io.Console.Write(table);
    }
}
