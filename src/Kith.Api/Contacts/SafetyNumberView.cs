namespace Kith.Api.Contacts;

/// <summary>What two people compare to validate each other (Kith.Protocol.Trust.SafetyNumber).</summary>
/// <param name="Contact">The contact.</param>
/// <param name="Digits">The 60 digits in groups of five, as both sides show them.</param>
/// <param name="QrPayload">What this side's QR code holds, for the other side to scan.</param>
public sealed record SafetyNumberView(ContactView Contact, string Digits, string QrPayload);
