using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Wire.Messaging;

/// <summary>One recipient's share of a chain announcement.</summary>
/// <param name="Recipient">The member device the part is for.</param>
/// <param name="Envelope">A pairwise <c>SessionEnvelope</c> (author → recipient) holding the <c>SenderKeyDistribution</c>.</param>
public sealed record AnnouncementPart(DeviceId Recipient, byte[] Envelope)
{
    /// <summary>Names the recipient only.</summary>
    public override string ToString() => $"AnnouncementPart({Recipient})";
}

/// <summary>
/// The payload of the event that starts a sender chain: for every other member device, the chain's
/// <c>SenderKeyDistribution</c> encrypted on the pairwise session between the author and that device (Signal
/// sends its <c>SenderKeyDistributionMessage</c> the same way, one pairwise message per member). Riding in the
/// DAG, it reaches every member through any relay, as content does. The event is signed by the new chain's key.
/// </summary>
/// <remarks>
/// Encoding: <c>kind (1) = Announcement ‖ count (1) ‖ per part: recipient (32) ‖ envelope length (u16) ‖ envelope</c>;
/// recipients strictly ascending, so an announcement has one encoding and names each device once.
/// </remarks>
/// <param name="Parts">At most <see cref="Limits.MaxAnnouncementRecipients"/> parts.</param>
public sealed record ChainAnnouncement(IReadOnlyList<AnnouncementPart> Parts) : EventPayload
{
    /// <inheritdoc/>
    public override EventPayloadKind Kind => EventPayloadKind.Announcement;

    /// <summary>The part for <paramref name="recipient"/>, if the announcement has one.</summary>
    public AnnouncementPart? PartFor(DeviceId recipient) => Parts.FirstOrDefault(p => p.Recipient == recipient);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">Too many parts, an oversized envelope, or recipients not unique.</exception>
    public override byte[] ToBytes()
    {
        if (Parts.Count > Limits.MaxAnnouncementRecipients || Parts.Any(p => p.Envelope.Length > Limits.MaxAnnouncementEnvelopeSize))
        {
            throw new ArgumentException("The announcement is beyond Limits.MaxAnnouncementRecipients or MaxAnnouncementEnvelopeSize.");
        }

        AnnouncementPart[] sorted = [.. Parts.OrderBy(p => p.Recipient)];
        var writer = new WireWriter(2 + sorted.Sum(p => Id32.Size + 2 + p.Envelope.Length));
        writer.Byte((byte)EventPayloadKind.Announcement).Byte((byte)sorted.Length);
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i > 0 && sorted[i - 1].Recipient == sorted[i].Recipient)
            {
                throw new ArgumentException("An announcement names each recipient once.");
            }

            writer.Bytes(sorted[i].Recipient.Span).Prefixed16(sorted[i].Envelope);
        }

        return writer.ToArray();
    }

    /// <summary>Prints the recipient count only.</summary>
    public override string ToString() => $"ChainAnnouncement({Parts.Count} parts)";

    /// <summary>Decodes what follows the kind byte; never throws.</summary>
    internal static Result<ChainAnnouncement> DecodeBody(ReadOnlySpan<byte> body)
    {
        var reader = new WireReader(body);
        if (!reader.TryReadByte(out byte count))
        {
            return reader.Error!;
        }

        if (count > Limits.MaxAnnouncementRecipients)
        {
            return WireErrors.Oversized;
        }

        var parts = new List<AnnouncementPart>(count);
        for (int i = 0; i < count; i++)
        {
            if (!reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> recipient)
                || !reader.TryReadPrefixed16(Limits.MaxAnnouncementEnvelopeSize, out ReadOnlySpan<byte> envelope))
            {
                return reader.Error!;
            }

            var device = DeviceId.FromBytes(recipient);
            if (i > 0 && parts[i - 1].Recipient.CompareTo(device) >= 0)
            {
                return WireErrors.Malformed;
            }

            parts.Add(new AnnouncementPart(device, envelope.ToArray()));
        }

        return reader.TryFinish(out KithError? error) ? new ChainAnnouncement(parts) : error!;
    }
}
