namespace Kith.Api.Contacts;

/// <summary>Why a contact is compromised.</summary>
public enum CompromiseKind
{
    /// <summary>The person marked it.</summary>
    MarkedByUser = 1,

    /// <summary>Its account log forked: two devices disagree on who belongs.</summary>
    AccountForked = 2,

    /// <summary>A peer known as this contact presented another account.</summary>
    IdentityChanged = 3,
}
