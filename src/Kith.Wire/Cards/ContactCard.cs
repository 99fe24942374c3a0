using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Kith.Wire.Prekeys;

namespace Kith.Wire.Cards;

/// <summary>
/// A contact card (PROTOCOL.md, contacts): everything needed to reach an account and start encrypted sessions
/// with its devices. It carries the account's membership log (so the receiver can check that every listed
/// device belongs to the account id, which is the hash of the log's genesis), the device records with their
/// onion keys and prekeys, an optional display name, when the prekeys expire, and the issuing device's signature.
/// </summary>
/// <remarks>
/// Binary encoding, integers big-endian:
/// <c>version(1) account(32) issuer(32) issuedAtUnixMs(8) prekeysExpireAtUnixMs(8) name(u16-prefixed UTF-8)
/// entryCount(2) entries(u16-prefixed each) deviceCount(1) records(u16-prefixed each) signature(64)</c>.
/// The signature covers a domain label and the card as it would be encoded with every record's prekeys
/// removed; prekeys are signed one by one by their own device (PQXDH §3.2), so a card can shed prekeys to fit
/// a QR code and keep its signature. Checks are in <c>Kith.Protocol.Contacts.ContactCards</c>.
/// </remarks>
public sealed class ContactCard
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 1;

    /// <summary>Makes a card.</summary>
    public ContactCard(AccountId account, DeviceId issuer, long issuedAtUnixMs, long prekeysExpireAtUnixMs, string displayName,
        IReadOnlyList<AccountEntry> log, IReadOnlyList<DeviceRecord> devices, byte[] signature)
    {
        Account = account;
        Issuer = issuer;
        IssuedAtUnixMs = issuedAtUnixMs;
        PrekeysExpireAtUnixMs = prekeysExpireAtUnixMs;
        DisplayName = displayName;
        Log = log;
        Devices = devices;
        Signature = signature;
    }

    /// <summary>The account.</summary>
    public AccountId Account { get; }

    /// <summary>The member device that issued and signed the card.</summary>
    public DeviceId Issuer { get; }

    /// <summary>When the card was issued.</summary>
    public long IssuedAtUnixMs { get; }

    /// <summary>After this instant the prekeys may have been rotated away, and the card is refused.</summary>
    public long PrekeysExpireAtUnixMs { get; }

    /// <summary>The name the account gives itself; empty when it gives none.</summary>
    public string DisplayName { get; }

    /// <summary>The account log, parents before children.</summary>
    public IReadOnlyList<AccountEntry> Log { get; }

    /// <summary>The current devices' records, the issuer's first.</summary>
    public IReadOnlyList<DeviceRecord> Devices { get; }

    /// <summary>The issuer's signature.</summary>
    public byte[] Signature { get; }

    /// <summary>The bytes the issuer signs (a label and the prekey-less encoding without signature).</summary>
    public static byte[] SignedPayload(AccountId account, DeviceId issuer, long issuedAtUnixMs, long prekeysExpireAtUnixMs,
        string displayName, IReadOnlyList<AccountEntry> log, IReadOnlyList<DeviceRecord> devices)
    {
        var writer = new WireWriter(1024).Bytes("Kith v1 contact card"u8);
        ContactCardCodec.WriteBody(writer, account, issuer, issuedAtUnixMs, prekeysExpireAtUnixMs, displayName, log, devices, withPrekeys: false);
        return writer.ToArray();
    }

    /// <summary>The bytes the issuer's signature covers for this card.</summary>
    public byte[] SignedPayload() => SignedPayload(Account, Issuer, IssuedAtUnixMs, PrekeysExpireAtUnixMs, DisplayName, Log, Devices);

    /// <summary>The binary form.</summary>
    public byte[] ToBytes()
    {
        var writer = new WireWriter(4096);
        ContactCardCodec.WriteBody(writer, Account, Issuer, IssuedAtUnixMs, PrekeysExpireAtUnixMs, DisplayName, Log, Devices, withPrekeys: true);
        return writer.Bytes(Signature).ToArray();
    }

    /// <summary>Decodes the binary form (format only: signatures, log and expiry are checked by the protocol layer).</summary>
    public static Result<ContactCard> Decode(ReadOnlySpan<byte> bytes) => ContactCardCodec.Decode(bytes);

    /// <summary>The same card carrying less prekey material (its signature still holds).</summary>
    public ContactCard WithContent(CardContent content)
    {
        var devices = new List<DeviceRecord>(Devices.Count);
        foreach (DeviceRecord record in Devices)
        {
            DevicePrekeys? prekeys = content switch
            {
                CardContent.Full => record.Prekeys,
                CardContent.NoOneTimePrekeys => WithoutOneTimeKeys(record.Prekeys),
                CardContent.IssuerPrekeysOnly => record.Device == Issuer ? WithoutOneTimeKeys(record.Prekeys) : null,
                CardContent.NoPrekeys => null,
                _ => throw new ArgumentOutOfRangeException(nameof(content)),
            };
            devices.Add(record.WithPrekeys(prekeys));
        }

        return new ContactCard(Account, Issuer, IssuedAtUnixMs, PrekeysExpireAtUnixMs, DisplayName, Log, devices, Signature);
    }

    /// <inheritdoc/>
    public override string ToString() => $"ContactCard({Account}, {Devices.Count} devices)";

    private static DevicePrekeys? WithoutOneTimeKeys(DevicePrekeys? prekeys) =>
        prekeys is null
            ? null
            : new DevicePrekeys(prekeys.Device, prekeys.IdentityDhKey, prekeys.IdentityDhKeySignature, prekeys.SignedPrekey,
                prekeys.LastResortPqPrekey, [], []);
}
