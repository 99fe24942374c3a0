namespace Kith.Api.Identity;

/// <summary>This account's contact card in the forms a person passes on (Kith.Wire.Cards.ContactCardText).</summary>
/// <param name="DisplayName">The name on the card.</param>
/// <param name="AccountId">The account id (hex).</param>
/// <param name="DeviceId">The issuing device (hex).</param>
/// <param name="Text">The <c>KITH-…</c> text for chat and mail.</param>
/// <param name="Link">The <c>kith:…</c> link.</param>
/// <param name="QrPayload">What the QR code holds (the fullest card that fits one code).</param>
/// <param name="QrText">The QR code drawn with Unicode half blocks for a terminal.</param>
/// <param name="ExpiresAtUnixMs">When the card's prekeys expire; a newer card is needed after that.</param>
public sealed record IdentityCard(string DisplayName, string AccountId, string DeviceId, string Text, string Link,
    string QrPayload, string QrText, long ExpiresAtUnixMs);
