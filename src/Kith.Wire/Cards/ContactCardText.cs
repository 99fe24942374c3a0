using System.Buffers.Binary;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Wire.Cards;

/// <summary>
/// The text forms of a contact card: <c>KITH-</c> text for chat and mail, a <c>kith:</c> link, and the
/// upper-case <c>KITH:</c> form put in QR codes (URI schemes are case-insensitive, RFC 3986 §3.1, and the
/// upper-case form stays inside QR's alphanumeric set). All three carry the same body:
/// Crockford base32 (<see cref="CrockfordBase32"/>) of <c>length(2) card checksum(4)</c>, where the checksum is
/// the first four bytes of a BLAKE2b hash of the card under a domain label, as Bitcoin's Base58Check appends
/// four hash bytes. The length lets a cut-off text be told apart from a mistyped one.
/// </summary>
public static class ContactCardText
{
    /// <summary>Prefix of the text form.</summary>
    public const string TextPrefix = "KITH-";

    /// <summary>Prefix of the link form.</summary>
    public const string LinkPrefix = "kith:";

    /// <summary>Prefix of the QR form (alphanumeric-mode link).</summary>
    public const string QrPrefix = "KITH:";

    private const int ChecksumSize = 4;

    /// <summary>The text form, e.g. <c>KITH-0A1B…</c>.</summary>
    public static string ToText(ContactCard card) => TextPrefix + Body(card);

    /// <summary>The link form, <c>kith:0A1B…</c>.</summary>
    public static string ToLink(ContactCard card) => LinkPrefix + Body(card);

    /// <summary>The QR payload form, <c>KITH:0A1B…</c> (only upper-case letters, digits and a colon).</summary>
    public static string ToQrPayload(ContactCard card) => QrPrefix + Body(card);

    /// <summary>
    /// The QR payload of the fullest form of <paramref name="card"/> that fits one QR code: prekeys are shed in
    /// the order of <see cref="CardContent"/> until the text fits <see cref="Limits.MaxQrAlphanumericChars"/>.
    /// Fails when even the prekey-less card is too long (an account log near its limit).
    /// </summary>
    public static Result<(string Payload, CardContent Content)> ToFittingQrPayload(ContactCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        foreach (CardContent content in Enum.GetValues<CardContent>())
        {
            ContactCard reduced = card.WithContent(content);
            if (QrPayloadLength(reduced) <= Limits.MaxQrAlphanumericChars)
            {
                return (ToQrPayload(reduced), content);
            }
        }

        return CardErrors.TooLargeForQr;
    }

    /// <summary>Length of the QR payload of <paramref name="card"/>, without building it.</summary>
    public static int QrPayloadLength(ContactCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return QrPrefix.Length + CrockfordBase32.EncodedLength(2 + card.ToBytes().Length + ChecksumSize);
    }

    /// <summary>
    /// Decodes any of the three forms from text as a person pasted it: surrounding quotes or angle brackets,
    /// spaces, line breaks and hyphens anywhere, any letter case. Gives a specific error for each way it can be wrong.
    /// </summary>
    public static Result<ContactCard> Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > Limits.MaxContactCardTextLength)
        {
            return CardErrors.Oversized;
        }

        string compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Trim('<', '>', '"', '\'');
        ReadOnlySpan<char> body;
        if (compact.StartsWith(QrPrefix, StringComparison.OrdinalIgnoreCase))
        {
            body = compact.AsSpan(QrPrefix.Length);
        }
        else if (compact.StartsWith(TextPrefix, StringComparison.OrdinalIgnoreCase))
        {
            body = compact.AsSpan(TextPrefix.Length);
        }
        else
        {
            return CardErrors.NotACard;
        }

        byte[]? bytes = CrockfordBase32.TryDecode(body);
        if (bytes is null)
        {
            return CardErrors.BadCharacters;
        }

        if (bytes.Length < 2)
        {
            return CardErrors.Truncated;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        if (bytes.Length < 2 + length + ChecksumSize)
        {
            return CardErrors.Truncated;
        }

        ReadOnlySpan<byte> card = bytes.AsSpan(2, length);
        if (bytes.Length > 2 + length + ChecksumSize || !Checksum(card).SequenceEqual(bytes.AsSpan(2 + length)))
        {
            return CardErrors.BadChecksum;
        }

        return ContactCard.Decode(card);
    }

    /// <summary>Breaks a text form into lines of <paramref name="width"/> characters (decoding ignores the breaks).</summary>
    public static string Wrap(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 8);
        return string.Join('\n', text.Chunk(width).Select(chunk => new string(chunk)));
    }

    private static string Body(ContactCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        byte[] bytes = card.ToBytes();
        if (bytes.Length > Limits.MaxContactCardSize)
        {
            throw new InvalidOperationException("The card is larger than a card may be.");
        }

        var writer = new WireWriter(bytes.Length + 6).U16((ushort)bytes.Length).Bytes(bytes).Bytes(Checksum(bytes));
        return CrockfordBase32.Encode(writer.WrittenSpan);
    }

    private static byte[] Checksum(ReadOnlySpan<byte> card)
    {
        var hash = new byte[ChecksumSize];
        Blake2b.Hash(card, hash, "Kith v1 card text checksum"u8);
        return hash;
    }
}
