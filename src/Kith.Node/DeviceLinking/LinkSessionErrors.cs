using Kith.Primitives.Errors;

namespace Kith.Node.DeviceLinking;

/// <summary>Why linking a device over a live link stopped (the protocol's own refusals are <c>link.*</c> from Kith.Protocol).</summary>
internal static class LinkSessionErrors
{
    public static readonly KithError DigitsDiffer = KithError.Reject("link.digits_differ",
        "The confirmation codes differ, so the link was stopped and nothing changed; start again with a new code.");

    public static readonly KithError BadDigits = KithError.Reject("link.bad_digits",
        "Type the six digits of the confirmation code shown on both devices.");

    public static readonly KithError Unreachable = new("link.unreachable", ErrorScope.Peer, true,
        "The new device could not be reached: check that its node is running and shows this code.");

    public static readonly KithError NoEndPoint = KithError.Reject("link.no_endpoint",
        "This code has no direct address: the new device runs over tor, so run this node over tor too.");

    public static readonly KithError Dropped = new("link.dropped", ErrorScope.Peer, true,
        "The other device stopped linking before it finished; nothing changed.");

    public static readonly KithError Replaced = new("link.replaced", ErrorScope.Local, false,
        "A newer link code replaced this one.");

    public static readonly KithError NotAdopted = new("link.not_adopted", ErrorScope.Peer, true,
        "The account now lists the new device, but the link dropped before it copied the account: show a new code on the new device and enter it here to finish (it is not added twice).");

    public static readonly KithError CopyInterrupted = new("link.copy_interrupted", ErrorScope.Peer, true,
        "The link dropped after this device agreed to join the account, before the account was copied: show a new code here (`kith devices link`) and enter it on the same device of your account to finish.");

    public static readonly KithError BadCopy = new("link.bad_copy", ErrorScope.Peer, false,
        "The other device sent an account copy that does not verify; nothing was adopted.");

    public static readonly KithError AlreadyInAccount = KithError.Reject("link.already_in_account",
        "This device is already in an account: to add another device, enter the code it shows with `kith devices link CODE`.");

    public static readonly KithError NotInAccount = KithError.Reject("link.not_in_account",
        "This device is waiting to be linked: run `kith devices link` to show its code, then enter it on a device of your account.");

    public static readonly KithError NameWithLink = KithError.Reject("link.name_with_link",
        "A linked device takes its account's name: use --name without --link, or --link without --name.");

    public static readonly KithError NoLink = KithError.Reject("link.none",
        "No device link is in progress on this node.");
}
