namespace Kith.Api.Contacts;

/// <summary>The trust states of PROTOCOL.md (contacts), as the API shows them.</summary>
public enum TrustLevel
{
    /// <summary>Keys came with a card; nobody compared safety numbers.</summary>
    Unvalidated = 1,

    /// <summary>Safety numbers were compared or scanned.</summary>
    Validated = 2,

    /// <summary>Something is wrong with the account until it is validated again.</summary>
    Compromised = 3,
}
