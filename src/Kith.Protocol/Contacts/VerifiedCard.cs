using Kith.Protocol.Accounts;
using Kith.Wire.Cards;

namespace Kith.Protocol.Contacts;

/// <summary>A card whose every signature, log entry and expiry checked out, with the log it carries.</summary>
/// <param name="Card">The card.</param>
/// <param name="Log">The account log rebuilt from the card.</param>
/// <param name="View">The account at the card log's heads.</param>
public sealed record VerifiedCard(ContactCard Card, AccountLog Log, AccountView View);
