using Kith.Primitives.Errors;

namespace Kith.Wire.Cards;

/// <summary>
/// Why a contact card was refused, in words a person can act on. Each rejects the one card; nothing is stored.
/// </summary>
public static class CardErrors
{
    /// <summary>The text does not start with <c>KITH</c> or <c>kith:</c>.</summary>
    public static readonly KithError NotACard = KithError.Reject("card.not_a_card",
        "This is not a Kith contact card: it should start with KITH- or kith:.");

    /// <summary>A character outside the card alphabet.</summary>
    public static readonly KithError BadCharacters = KithError.Reject("card.bad_characters",
        "The card text contains a character that cannot appear in a card; it was mistyped or changed by the app it came through.");

    /// <summary>The text or bytes end early.</summary>
    public static readonly KithError Truncated = KithError.Reject("card.truncated",
        "The card is incomplete: part of it was cut off when it was copied. Copy all of it again.");

    /// <summary>The checksum over the text does not match.</summary>
    public static readonly KithError BadChecksum = KithError.Reject("card.bad_checksum",
        "The card text has a typo or was altered: its checksum does not match. Copy it again from the original.");

    /// <summary>A format version this build does not know.</summary>
    public static readonly KithError UnknownVersion = KithError.Reject("card.unknown_version",
        "The card was made by a newer version of Kith; update Kith to read it.");

    /// <summary>Larger than any card may be.</summary>
    public static readonly KithError Oversized = KithError.Reject("card.oversized",
        "The card is larger than any Kith card may be; it is not a real card.");

    /// <summary>Well delimited but holding values no card can hold.</summary>
    public static readonly KithError Malformed = KithError.Reject("card.malformed",
        "The card is damaged: it holds values no Kith card can hold.");

    /// <summary>A signature in the card does not verify.</summary>
    public static readonly KithError BadSignature = KithError.Reject("card.bad_signature",
        "The card is forged or was altered: a signature in it does not match its keys.");

    /// <summary>The card's prekeys have expired.</summary>
    public static readonly KithError Expired = KithError.Reject("card.expired",
        "The card has expired; ask your contact for a fresh one.");

    /// <summary>The account log in the card does not check out.</summary>
    public static readonly KithError BadAccountLog = KithError.Reject("card.bad_account_log",
        "The card's list of devices is not signed by the account it names; it is forged or damaged.");

    /// <summary>A device in the card is not a member of the account.</summary>
    public static readonly KithError DeviceNotMember = KithError.Reject("card.device_not_member",
        "The card lists a device that does not belong to the account; it is forged or out of date.");

    /// <summary>Even without prekeys the card does not fit one QR code.</summary>
    public static readonly KithError TooLargeForQr = KithError.Reject("card.too_large_for_qr",
        "The card is too large for a QR code; share it as text or a link instead.");

    /// <summary>Maps a generic wire error to the card error a person understands.</summary>
    public static KithError FromWire(KithError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            "wire.truncated" => Truncated,
            "wire.unknown_version" => UnknownVersion,
            "wire.oversized" => Oversized,
            _ => Malformed,
        };
    }
}
