namespace Kith.Api.Contacts;

/// <summary>Adds a contact from a card in any text form (<c>KITH-…</c>, <c>kith:…</c> or a scanned QR payload).</summary>
/// <param name="Card">The card text as pasted; spaces, line breaks and hyphens are ignored.</param>
public sealed record AddContactRequest(string Card);
