using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Wire.Accounts;

namespace Kith.Protocol.Accounts;

/// <summary>Writes and signs account-log entries. Validation against a log is <see cref="AccountLog"/>'s job.</summary>
public static class AccountEntries
{
    /// <summary>A genesis entry by <paramref name="device"/>; its id becomes the account id.</summary>
    public static AccountEntry Genesis(Ed25519SigningKey device, long nowUnixMs, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(random);
        var nonce = new byte[AccountEntry.GenesisNonceSize];
        random.Fill(nonce);
        return Sign(device, AccountEntry.BuildUnsigned(AccountEntryKind.Genesis, default, [], Id(device), nowUnixMs, nonce));
    }

    /// <summary>A profile entry setting the display name.</summary>
    public static AccountEntry Profile(Ed25519SigningKey author, AccountId account, IReadOnlyList<EventId> parents,
        long nowUnixMs, string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        byte[] name = System.Text.Encoding.UTF8.GetBytes(displayName);
        if (name.Length > Limits.MaxDisplayNameBytes)
        {
            throw new ArgumentException("The display name is too long.", nameof(displayName));
        }

        byte[] body = new Wire.WireWriter(name.Length + 2).Prefixed16(name).ToArray();
        return Sign(author, AccountEntry.BuildUnsigned(AccountEntryKind.Profile, account, parents, Id(author), nowUnixMs, body));
    }

    /// <summary>A revoke-device entry by <paramref name="author"/> against <paramref name="revoked"/>.</summary>
    public static AccountEntry Revoke(Ed25519SigningKey author, AccountId account, IReadOnlyList<EventId> parents,
        long nowUnixMs, DeviceId revoked) =>
        Sign(author, AccountEntry.BuildUnsigned(AccountEntryKind.RevokeDevice, account, parents, Id(author), nowUnixMs, revoked.Span));

    /// <summary>
    /// The unsigned bytes of an add-device entry. The existing member and the new device each sign them
    /// (<see cref="SignAsAuthor"/>, <see cref="SignAsNewDevice"/>), then <see cref="AccountEntry.Assemble"/> joins them.
    /// </summary>
    public static byte[] ProposeAdd(DeviceId author, AccountId account, IReadOnlyList<EventId> parents, long nowUnixMs, DeviceId added) =>
        AccountEntry.BuildUnsigned(AccountEntryKind.AddDevice, account, parents, author, nowUnixMs, added.Span);

    /// <summary>The author's signature over unsigned entry bytes.</summary>
    public static byte[] SignAsAuthor(Ed25519SigningKey author, ReadOnlySpan<byte> unsignedEntry)
    {
        ArgumentNullException.ThrowIfNull(author);
        return author.Sign(AccountEntry.SignedPayloadOf(unsignedEntry, coSigner: false));
    }

    /// <summary>The added device's signature over unsigned add-device bytes (its acknowledgement).</summary>
    public static byte[] SignAsNewDevice(Ed25519SigningKey added, ReadOnlySpan<byte> unsignedEntry)
    {
        ArgumentNullException.ThrowIfNull(added);
        return added.Sign(AccountEntry.SignedPayloadOf(unsignedEntry, coSigner: true));
    }

    /// <summary>An add-device entry when both keys are at hand (tests, or a device adding a key it holds).</summary>
    public static AccountEntry Add(Ed25519SigningKey author, Ed25519SigningKey added, AccountId account,
        IReadOnlyList<EventId> parents, long nowUnixMs)
    {
        byte[] unsigned = ProposeAdd(Id(author), account, parents, nowUnixMs, Id(added));
        return AccountEntry.Assemble(unsigned, SignAsAuthor(author, unsigned), SignAsNewDevice(added, unsigned)).Value;
    }

    private static AccountEntry Sign(Ed25519SigningKey author, byte[] unsignedEntry) =>
        AccountEntry.Assemble(unsignedEntry, SignAsAuthor(author, unsignedEntry), default).Value;

    private static DeviceId Id(Ed25519SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return DeviceId.FromBytes(key.PublicKey);
    }
}
