namespace Kith.Protocol.Trust;

/// <summary>Why a contact is <see cref="TrustState.Compromised"/>. Persisted: values are fixed.</summary>
public enum CompromiseReason
{
    /// <summary>Not compromised.</summary>
    None = 0,

    /// <summary>The person marked the contact compromised.</summary>
    MarkedByUser = 1,

    /// <summary>The contact's devices contradicted each other in the account log (a fork).</summary>
    AccountForked = 2,

    /// <summary>A peer known as this contact presented a different account identity.</summary>
    IdentityChanged = 3,
}
