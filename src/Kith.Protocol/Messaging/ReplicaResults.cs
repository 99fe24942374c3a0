using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;
using Kith.Wire.Messaging;

namespace Kith.Protocol.Messaging;

/// <summary>A message this device can now show, with its decoded content.</summary>
/// <param name="Message">What the message store holds (content = the padded-and-stripped encoding).</param>
/// <param name="Content">The decoded content; control kinds (deletion, read state) are for the caller to apply.</param>
public sealed record ReceivedMessage(ShownMessage Message, MessageContent Content)
{
    /// <summary>Names the event only.</summary>
    public override string ToString() => $"ReceivedMessage({Message.Id})";
}

/// <summary>What <see cref="ConversationReplica.Send"/> produced.</summary>
/// <param name="Events">The new events, already accepted and stored: an announcement when a chain was started, then
/// the content event. The caller delivers them to every member device.</param>
/// <param name="Shown">The sent message as this device shows it.</param>
/// <param name="Unreached">Member devices a new chain could not be handed to (no session and no prekeys); the chain
/// is kept for them and handed over late (<see cref="ConversationReplica.HandOverPendingChains"/>) once they are reachable.</param>
public sealed record SendResult(IReadOnlyList<ConversationEvent> Events, ReceivedMessage Shown, IReadOnlyList<DeviceId> Unreached);

/// <summary>What <see cref="ConversationReplica.Receive"/> (or a deletion) changed.</summary>
/// <param name="Accepted">Events that joined the log (the offered one and the pending ones it released).</param>
/// <param name="Shown">Messages decrypted and stored by this step, in display order.</param>
/// <param name="Refused">The offered event if the log refused it, and pending events dropped with it.</param>
/// <param name="Forged">Accepted events signed under a key their author did not announce for the chain: never shown.</param>
/// <param name="Unreadable">Accepted events this device cannot read (no part for it, bad ciphertext, key gone).</param>
/// <param name="Duplicate">Whether the offered event was already held, pending or refused (nothing changed).</param>
public sealed record ReceiveResult(IReadOnlyList<EventId> Accepted, IReadOnlyList<ReceivedMessage> Shown,
    IReadOnlyList<RejectedEvent> Refused, IReadOnlyList<EventId> Forged, IReadOnlyList<RejectedEvent> Unreadable, bool Duplicate);
