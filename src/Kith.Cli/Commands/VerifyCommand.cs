using System.CommandLine;
using Kith.Api;
using Kith.Api.Contacts;

namespace Kith.Cli.Commands;

/// <summary>
/// <c>kith verify &lt;contact&gt;</c>: shows the safety number to compare (Signal's safety-number procedure); with
/// <c>--validated</c> or <c>--compromised</c> records the person's conclusion.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(GlobalOptions global, CliIo io)
    {
        var contact = new Argument<string>("contact") { Description = "The contact's name, or 8 or more digits of its account id." };
        var validated = new Option<bool>("--validated") { Description = "The numbers match: mark the contact validated." };
        var compromised = new Option<bool>("--compromised") { Description = "They do not, or you distrust the account: mark it compromised." };
        var scanned = new Option<string?>("--scanned") { Description = "The other side's safety-number QR payload (KITHSN:…), checked before validating." };
        var command = new Command("verify", "Compare safety numbers with a contact, and record what you found.")
        {
            contact, validated, compromised, scanned,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(validated) && result.GetValue(compromised))
            {
                result.AddError("Give --validated or --compromised, not both.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            string who = parse.GetValue(contact)!;
            string route = ApiRoutes.ForContact(ApiRoutes.Verify, who);
            VerifyDecision? decision = parse.GetValue(validated) ? VerifyDecision.Validated
                : parse.GetValue(compromised) ? VerifyDecision.Compromised
                : null;
            if (decision is null)
            {
                return NodeCall.RunAsync(parse, global, io,
                    (client, token) => client.GetAsync(route, ApiJson.Default.SafetyNumberView, token),
                    ApiJson.Default.SafetyNumberView, view => Render(io, view), cancellationToken);
            }

            return NodeCall.RunAsync<ContactView>(parse, global, io,
                (client, token) => client.PostAsync(route, new VerifyRequest(decision.Value, parse.GetValue(scanned)),
                    ApiJson.Default.VerifyRequest, ApiJson.Default.ContactView, token),
                ApiJson.Default.ContactView,
                view => io.Out.WriteLine($"{ContactCommands.Name(view)} is now {Words.Trust(view.Trust, view.CompromiseReason)}."),
                cancellationToken);
        });
        return command;
    }

    private static void Render(CliIo io, SafetyNumberView view)
    {
        io.Out.WriteLine($"Safety number with {ContactCommands.Name(view.Contact)} ({Words.Trust(view.Contact.Trust, view.Contact.CompromiseReason)}):");
        io.Out.WriteLine();
        io.Out.WriteLine(view.Digits);
        io.Out.WriteLine();
        io.Out.WriteLine("Compare it with the one their device shows, in person or on a call you trust. Then run");
        io.Out.WriteLine($"`kith verify {view.Contact.AccountId[..16]} --validated` if every digit matches, or `--compromised` if not.");
    }
}
