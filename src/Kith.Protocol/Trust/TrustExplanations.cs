namespace Kith.Protocol.Trust;

/// <summary>The sentences a UI shows for each trust state and reason, written for people, not engineers.</summary>
public static class TrustExplanations
{
    /// <summary>The prompt shown beside every unvalidated contact.</summary>
    public const string ValidatePrompt = "Compare safety numbers with this contact in person or on a call to make sure nobody is in between.";

    /// <summary>One sentence explaining <paramref name="state"/>.</summary>
    public static string Explain(TrustState state) => state switch
    {
        TrustState.Unvalidated => "You have not yet checked that this contact's keys really belong to them, so someone could be in between.",
        TrustState.Validated => "You compared safety numbers with this contact, so messages reach only their devices.",
        TrustState.Compromised => "Something is wrong with this contact's account; do not trust new messages until you validate them again.",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>One sentence explaining why a contact is compromised.</summary>
    public static string Explain(CompromiseReason reason) => reason switch
    {
        CompromiseReason.None => "",
        CompromiseReason.MarkedByUser => "You marked this contact as compromised.",
        CompromiseReason.AccountForked => "Two of this contact's devices tried to remove each other, which happens when a device is stolen.",
        CompromiseReason.IdentityChanged => "Someone presented a different identity for this contact than the one you validated.",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
