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
        ContactCard card = ContactCards.Issue(device.Keys, log, [record], now, Limits.ContactCardLifetimeMs);

        // A card with one device fits a QR code; if a long account log ever does not, the text forms still work.
        (string payload, string qr) = ContactCardText.ToFittingQrPayload(card).TryGet(out var fitting, out _)
            ? (fitting.Payload, QrCodes.ToTerminalText(fitting.Payload))
            : ("", "");
        return new IdentityCard(log.Current().DisplayName, device.Account.ToString(), device.Device.ToString(),
            ContactCardText.ToText(card), ContactCardText.ToLink(card), payload, qr, card.PrekeysExpireAtUnixMs);
    }
}
