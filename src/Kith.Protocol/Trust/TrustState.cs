namespace Kith.Protocol.Trust;

/// <summary>How far a person trusts that a contact account is who they think (PROTOCOL.md, contacts). Persisted: values are fixed.</summary>
public enum TrustState
{
    /// <summary>The default: keys came with a card, but nobody has compared safety numbers.</summary>
    Unvalidated = 1,

    /// <summary>Safety numbers were compared out of band, or the QR code scanned in person.</summary>
    Validated = 2,

    /// <summary>Something is wrong with the account (see <see cref="CompromiseReason"/>) until it is validated again.</summary>
    Compromised = 3,
}
