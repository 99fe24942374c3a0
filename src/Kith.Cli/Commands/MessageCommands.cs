using System.CommandLine;
using Kith.Api;
using Kith.Api.Messages;

namespace Kith.Cli.Commands;

/// <summary><c>kith send &lt;contact&gt; &lt;text&gt;</c>: one message, answered with its delivery state.</summary>
internal static class MessageCommands
{
    public static Command Send(GlobalOptions global, CliIo io)
    {
        var contact = new Argument<string>("contact") { Description = "The contact: a name, or 8 or more hex digits of its account id." };
        var text = new Argument<string[]>("text") { Description = "The message; several words are joined with spaces.", Arity = ArgumentArity.OneOrMore };
        var send = new Command("send", "Send a text message to a contact.") { contact, text };
        send.SetAction((parse, cancellationToken) => NodeCall.RunAsync(parse, global, io,
            (client, token) => client.PostAsync(ApiRoutes.Send, new SendRequest(parse.GetValue(contact) ?? "", string.Join(' ', parse.GetValue(text) ?? [])),
                ApiJson.Default.SendRequest, ApiJson.Default.MessageView, token),
            ApiJson.Default.MessageView, message => io.Out.WriteLine($"Sent: {Words.Delivery(message.Delivery)}."),
            cancellationToken));
        return send;
    }
}
