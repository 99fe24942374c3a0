namespace Kith.Api.Contacts;

/// <summary>What the person concluded about a contact.</summary>
public enum VerifyDecision
{
    /// <summary>The safety numbers match.</summary>
    Validated = 1,

    /// <summary>They do not, or the person has another reason to distrust the account.</summary>
    Compromised = 2,
}
