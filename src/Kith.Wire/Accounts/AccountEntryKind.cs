namespace Kith.Wire.Accounts;

/// <summary>What an account-log entry does. Persisted and on the wire: values are fixed.</summary>
public enum AccountEntryKind
{
    /// <summary>Creates the account; signed by its first device. Its hash is the <c>AccountId</c>.</summary>
    Genesis = 1,

    /// <summary>Adds a device; signed by a member and co-signed by the new device.</summary>
    AddDevice = 2,

    /// <summary>Revokes a device for good; signed by a member other than the one revoked.</summary>
    RevokeDevice = 3,

    /// <summary>Sets the account's display name; signed by a member.</summary>
    Profile = 4,
}
