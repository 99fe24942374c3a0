using Kith.Api.Contacts;
using Kith.Api.Messages;

namespace Kith.Cli;

/// <summary>How the CLI names API states for people.</summary>
internal static class Words
{
    public static string Trust(TrustLevel trust, CompromiseKind? reason = null) => trust switch
    {
        TrustLevel.Unvalidated => "unvalidated",
        TrustLevel.Validated => "validated",
        TrustLevel.Compromised => reason switch
        {
            CompromiseKind.MarkedByUser => "compromised (marked by you)",
            CompromiseKind.AccountForked => "compromised (its account log forked)",
            CompromiseKind.IdentityChanged => "compromised (it presented another identity)",
            _ => "compromised",
        },
        _ => trust.ToString(),
    };

    /// <summary>"queued", "delivered (1 of 2)", "seen (2 of 2)"; empty for a received message.</summary>
    public static string Delivery(DeliveryState? delivery) => delivery switch
    {
        null => "",
        { Stage: DeliveryStage.Queued } => "queued",
        { Stage: DeliveryStage.Delivered } d => $"delivered ({d.DeliveredTo} of {d.Devices})",
        { Stage: DeliveryStage.Seen } d => $"seen ({d.DeliveredTo} of {d.Devices})",
        _ => delivery.Stage.ToString(),
    };

    /// <summary>
    /// One chat line: the message's short id (what <c>kith delete</c> takes, and what delivery lines name), who wrote
    /// it, the text, and for this account's messages how far delivery got.
    /// </summary>
    public static string Line(MessageView message, string contactName)
    {
        ArgumentNullException.ThrowIfNull(message);
        string who = message.FromMe ? "me" : contactName;
        string state = message.FromMe ? $"  [{Delivery(message.Delivery)}]" : "";
        return $"{ShortId(message.EventId)} {who}: {message.Text}{state}";
    }

    /// <summary>The first digits of a message id, as chat lines and delivery lines show it.</summary>
    public static string ShortId(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        return eventId.Length > Commands.DeleteCommand.ShortId ? eventId[..Commands.DeleteCommand.ShortId] : eventId;
    }
}
