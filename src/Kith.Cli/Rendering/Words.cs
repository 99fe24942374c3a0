using Kith.Api.Contacts;

namespace Kith.Cli;

/// <summary>How the CLI names API states for people.</summary>
internal static class Words
{
    public static string Trust(TrustLevel trust, CompromiseKind? reason = null) => trust switch
    {
        TrustLevel.Unvalidated => "unvalidated",
        TrustLevel.Validated => "validated",
        TrustLevel.Compromised => reason switch
        {
            CompromiseKind.MarkedByUser => "compromised (marked by you)",
            CompromiseKind.AccountForked => "compromised (its account log forked)",
            CompromiseKind.IdentityChanged => "compromised (it presented another identity)",
            _ => "compromised",
        },
        _ => trust.ToString(),
    };
}
