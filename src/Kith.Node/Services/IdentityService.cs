using Kith.Api.Identity;
using Kith.Node.Device;
using Kith.Primitives;
using Kith.Protocol.Accounts;
using Kith.Protocol.Contacts;
using Kith.Wire.Cards;
using Kith.Wire.Devices;

namespace Kith.Node.Services;

/// <summary>
/// <c>kith id</c>: a fresh contact card for this account, issued by this device (PROTOCOL.md, contacts) with the
/// transports it can be reached on now, in the text, link and QR forms of <see cref="ContactCardText"/>.
/// </summary>
internal sealed class IdentityService(LocalDevice device, Func<IReadOnlyList<DeviceTransport>> transports, TimeProvider time)
{
    public IdentityCard Card()
    {
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        AccountLog log = device.LoadAccountLog();
        DeviceRecord record = device.Keys.IssueRecord(transports(), now);
        ContactCard issued = ContactCards.Issue(device.Keys, log, [record], now, Limits.ContactCardLifetimeMs);

        // A card may reach several people, and a one-time prekey must serve one session only (PQXDH §3.4), so the
        // text forms carry the signed and last-resort prekeys (PQXDH makes one-time keys optional). The QR code
        // carries no prekeys at all: it must stay small enough to scan off a terminal, and a contact added from it
        // fetches prekeys over the first live link (ContactBook.Devices).
        ContactCard card = issued.WithContent(CardContent.NoOneTimePrekeys);
        ContactCard forQr = issued.WithContent(CardContent.NoPrekeys);
        (string payload, string qr) = ContactCardText.QrPayloadLength(forQr) <= Limits.MaxQrAlphanumericChars
            ? (ContactCardText.ToQrPayload(forQr), QrCodes.ToTerminalText(ContactCardText.ToQrPayload(forQr)))
            : ("", "");
        return new IdentityCard(log.Current().DisplayName, device.Account.ToString(), device.Device.ToString(),
            ContactCardText.ToText(card), ContactCardText.ToLink(card), payload, qr, card.PrekeysExpireAtUnixMs);
    }
}
