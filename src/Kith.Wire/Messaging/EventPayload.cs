using Kith.Primitives.Errors;

namespace Kith.Wire.Messaging;

/// <summary>
/// What a conversation event's ciphertext field holds: a chain announcement or content sealed with a sender chain
/// (Kith.Protocol.Messaging README, "Chains ride in the DAG"). The first byte is the <see cref="EventPayloadKind"/>.
/// </summary>
public abstract record EventPayload
{
    /// <summary>What the payload is.</summary>
    public abstract EventPayloadKind Kind { get; }

    /// <summary>Encodes the payload, kind byte first, for the event's ciphertext field.</summary>
    public abstract byte[] ToBytes();

    /// <summary>Decodes an event's ciphertext field (untrusted); never throws.</summary>
    public static Result<EventPayload> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return WireErrors.Truncated;
        }

        return (EventPayloadKind)bytes[0] switch
        {
            EventPayloadKind.Announcement => ChainAnnouncement.DecodeBody(bytes[1..]).Map(static a => (EventPayload)a),
            EventPayloadKind.Content => new SealedContent(bytes[1..].ToArray()),
            _ => WireErrors.Malformed,
        };
    }
}
