using Kith.Primitives.Ids;
using Kith.Primitives.Errors;
using Kith.Protocol.Accounts;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Kith.Wire.Prekeys;

namespace Kith.Engine.Messaging;

/// <summary>
/// What the <see cref="Messenger"/> needs to know about accounts (the node adapts its <c>ContactBook</c>): the own
/// account, the contacts it has a 1:1 conversation with, each account's log (its member and revoked devices) and
/// each device's published prekeys (to start a pairwise session). Membership is read from here on every step, and
/// <see cref="Messenger.RefreshMembership"/> is called when a log changed.
/// </summary>
public interface IMessengerDirectory
{
    /// <summary>This device's account.</summary>
    AccountId OwnAccount { get; }

    /// <summary>The accounts this device has a 1:1 conversation with.</summary>
    IReadOnlyList<AccountId> Contacts { get; }

    /// <summary>The account's log, or null when unknown.</summary>
    AccountLog? LogOf(AccountId account);

    /// <summary>The device's published prekeys, or null when unknown.</summary>
    DevicePrekeys? PrekeysOf(DeviceId device);

    /// <summary>
    /// The records the own account's devices publish to others: this device's current record and the stored records
    /// of the other member devices (their prekeys without one-time keys, which must serve one session only).
    /// </summary>
    IReadOnlyList<DeviceRecord> OwnRecords();

    /// <summary>
    /// Applies an account update (untrusted, all or nothing: <c>ContactBook.ApplyUpdate</c>) to the own log or a
    /// contact's, writing through the running step's transaction. Returns whether anything changed.
    /// </summary>
    Result<bool> Apply(AccountUpdate update, long nowUnixMs);
}
