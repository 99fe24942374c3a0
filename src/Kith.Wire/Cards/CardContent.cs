namespace Kith.Wire.Cards;

/// <summary>
/// How much of each device's prekeys a card carries. Full cards travel as text and links; a QR code holds
/// at most <see cref="Kith.Primitives.Limits.MaxQrAlphanumericChars"/> characters, so the QR form drops
/// prekeys step by step until it fits, and the rest arrives in the account's update over the first live link (which
/// needs no prekeys: its handshake proves each device's identity, see Kith.Transport's <c>LinkIdentity</c>).
/// </summary>
public enum CardContent
{
    /// <summary>Every device with all its published prekeys, one-time keys included.</summary>
    Full = 1,

    /// <summary>Every device with its signed and last-resort prekeys, but no one-time prekeys.</summary>
    NoOneTimePrekeys = 2,

    /// <summary>Only the issuing device carries prekeys (without one-time keys); the others are reached through it.</summary>
    IssuerPrekeysOnly = 3,

    /// <summary>No prekeys: the card names the account and how to reach its devices; prekeys arrive over the first link.</summary>
    NoPrekeys = 4,
}
