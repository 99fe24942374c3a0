namespace Kith.Api.Contacts;

/// <summary>One contact as <c>kith contacts</c> lists it.</summary>
/// <param name="AccountId">The contact's account id (hex); any unique prefix of 8 or more digits names it.</param>
/// <param name="DisplayName">The name the contact's account gives itself.</param>
/// <param name="Trust">How far the person trusts the account.</param>
/// <param name="CompromiseReason">Why it is compromised, when it is.</param>
/// <param name="Devices">How many devices the contact's account has.</param>
/// <param name="UpdatedAtUnixMs">When the trust record last changed.</param>
public sealed record ContactView(string AccountId, string DisplayName, TrustLevel Trust, CompromiseKind? CompromiseReason,
    int Devices, long UpdatedAtUnixMs);
