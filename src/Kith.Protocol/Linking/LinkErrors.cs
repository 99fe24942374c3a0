using Kith.Primitives.Errors;

namespace Kith.Protocol.Linking;

/// <summary>Why a device-linking step failed. Every failure leaves the linking state and the account unchanged.</summary>
public static class LinkErrors
{
    /// <summary>The typed or scanned text is not a well-formed link code.</summary>
    public static readonly KithError BadCode = KithError.Reject("link.bad_code",
        "That is not a valid link code: check for typos, or scan the code again.");

    /// <summary>The code's time is up.</summary>
    public static readonly KithError Expired = KithError.Reject("link.expired",
        "The link code has expired; show a new code on the new device.");

    /// <summary>The code was already used once.</summary>
    public static readonly KithError Reused = KithError.Reject("link.reused",
        "The link code was already used; show a new code on the new device.");

    /// <summary>The other side does not know the code this side shows (MAC mismatch).</summary>
    public static readonly KithError WrongCode = new("link.wrong_code", ErrorScope.Peer, false,
        "The other device entered a different code than the one shown here.");

    /// <summary>The answering device is not the one whose code was entered.</summary>
    public static readonly KithError WrongDevice = new("link.wrong_device", ErrorScope.Peer, false,
        "The device that answered is not the one that showed the code.");

    /// <summary>The revealed nonce does not match its commitment.</summary>
    public static readonly KithError CommitmentMismatch = new("link.commitment_mismatch", ErrorScope.Peer, false,
        "The other device changed its answer midway; linking is not safe.");

    /// <summary>The proposed entry is not the agreed add-device entry.</summary>
    public static readonly KithError BadProposal = new("link.bad_proposal", ErrorScope.Peer, false,
        "The other device proposed something other than adding this device to its account.");

    /// <summary>A step taken before the person confirmed the confirmation code.</summary>
    public static readonly KithError NotConfirmed = KithError.Reject("link.not_confirmed",
        "Compare the confirmation codes on both devices and confirm before continuing.");

    /// <summary>
    /// The device is in the account already, added by another member device: re-proposing that entry would fail
    /// on the new device, which co-signs only entries written by the device that asked.
    /// </summary>
    public static readonly KithError AddedElsewhere = KithError.Reject("link.added_elsewhere",
        "Another device of this account added that device; enter the new code on that device to finish linking.");

    /// <summary>A message that does not fit the current step.</summary>
    public static readonly KithError OutOfOrder = KithError.Reject("link.out_of_order",
        "The linking message arrived at the wrong step.");
}
