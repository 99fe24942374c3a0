using Kith.Primitives.Errors;

namespace Kith.Protocol.Accounts;

/// <summary>Why an account-log entry was refused. A refused entry changes nothing.</summary>
public static class AccountErrors
{
    /// <summary>Not a genesis entry where one is needed, or a second genesis.</summary>
    public static readonly KithError NotGenesis = KithError.Reject("account.not_genesis",
        "An account log starts with exactly one genesis entry.");

    /// <summary>The entry names another account.</summary>
    public static readonly KithError WrongAccount = KithError.Reject("account.wrong_account",
        "The entry belongs to another account.");

    /// <summary>The entry is already in the log (a replay or a duplicate delivery).</summary>
    public static readonly KithError AlreadyKnown = KithError.Reject("account.already_known",
        "The entry is already in the account log.");

    /// <summary>
    /// A parent is not in the log yet. Kith refuses rather than holds such entries, so the log never keeps
    /// unvalidated state; the caller fetches the missing parents (sync walks back) and offers the entry again.
    /// </summary>
    public static readonly KithError UnknownParents = new("account.unknown_parents", ErrorScope.Input, true,
        "The entry follows entries this device does not have yet; fetch them first.");

    /// <summary>A child dated before one of its parents.</summary>
    public static readonly KithError TimeWentBackwards = KithError.Reject("account.time_went_backwards",
        "The entry is dated before an entry it follows.");

    /// <summary>The log is at its size limit.</summary>
    public static readonly KithError LogFull = KithError.Reject("account.log_full",
        "The account log has reached its size limit.");

    /// <summary>The author's signature does not verify.</summary>
    public static readonly KithError BadSignature = new("account.bad_signature", ErrorScope.Peer, false,
        "The entry is not signed by the device it names as author.");

    /// <summary>An add-device entry lacks a valid signature by the new device.</summary>
    public static readonly KithError MissingCoSignature = new("account.missing_co_signature", ErrorScope.Peer, false,
        "The added device did not sign its own addition.");

    /// <summary>The author is not a member at the entry's parents.</summary>
    public static readonly KithError AuthorNotMember = new("account.author_not_member", ErrorScope.Peer, false,
        "The entry's author is not a device of the account at that point of the log.");

    /// <summary>The author was revoked at the entry's parents.</summary>
    public static readonly KithError AuthorRevoked = new("account.author_revoked", ErrorScope.Peer, false,
        "The entry's author had been revoked before it wrote the entry.");

    /// <summary>Adding a device that is already a member.</summary>
    public static readonly KithError AlreadyMember = KithError.Reject("account.already_member",
        "The device is already a member of the account.");

    /// <summary>Adding a device that was revoked: revocation is permanent.</summary>
    public static readonly KithError DeviceRevoked = KithError.Reject("account.device_revoked",
        "The device was revoked and can never rejoin; a reinstalled device makes new keys.");

    /// <summary>Adding beyond the device limit.</summary>
    public static readonly KithError TooManyDevices = KithError.Reject("account.too_many_devices",
        "The account already has the most devices it may have.");

    /// <summary>Revoking a device that is not a member.</summary>
    public static readonly KithError NotMember = KithError.Reject("account.not_member",
        "The device to revoke is not a member of the account.");

    /// <summary>A device revoking itself.</summary>
    public static readonly KithError SelfRevocation = KithError.Reject("account.self_revocation",
        "A device cannot revoke itself; another device of the account must do it.");

    /// <summary>
    /// Entries that would make the log forked (a revocation together with an add or revoke by the revoked device that
    /// the revocation did not see): an update bringing one is refused whole, so a stolen device cannot race its
    /// revocation into other devices' logs.
    /// </summary>
    public static readonly KithError Forked = new("account.forked", ErrorScope.Peer, false,
        "The entries would fork the account log; they were refused.");
}
