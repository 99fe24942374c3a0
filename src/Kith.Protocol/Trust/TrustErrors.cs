using Kith.Primitives.Errors;

namespace Kith.Protocol.Trust;

/// <summary>Why a trust step was refused. A refused step changes nothing.</summary>
public static class TrustErrors
{
    /// <summary>The scanned or typed safety number does not match this pair of accounts.</summary>
    public static readonly KithError SafetyNumberMismatch = KithError.Reject("trust.safety_number_mismatch",
        "The safety numbers do not match: you may be talking to someone else, or scanned another conversation's code.");

    /// <summary>Text that is not a Kith safety-number code.</summary>
    public static readonly KithError NotASafetyNumber = KithError.Reject("trust.not_a_safety_number",
        "This is not a Kith safety-number code.");

    /// <summary>A device that the known account log does not list as a member.</summary>
    public static readonly KithError DeviceNotInLog = new("trust.device_not_in_log", ErrorScope.Peer, false,
        "The device is not a member of the contact's account as far as its signed log shows; it is refused.");

    /// <summary>Entries that do not extend the contact's known log.</summary>
    public static readonly KithError LogDoesNotChain = new("trust.log_does_not_chain", ErrorScope.Peer, false,
        "The contact's device list does not follow from the one you already have; it is refused.");

    /// <summary>A peer presented another identity than the contact's.</summary>
    public static readonly KithError IdentityMismatch = new("trust.identity_mismatch", ErrorScope.Peer, false,
        "Someone presented a different identity for this contact; nothing was changed.");

    /// <summary>No contact with that account.</summary>
    public static readonly KithError UnknownContact = KithError.Reject("trust.unknown_contact",
        "There is no contact with that account.");
}
