using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Devices;
using Kith.Wire.Cards;
using Kith.Wire.Devices;

namespace Kith.Protocol.Contacts;

/// <summary>Issues and checks contact cards (<see cref="ContactCard"/>).</summary>
public static class ContactCards
{
    /// <summary>
    /// Issues a card for the account of <paramref name="log"/>, signed by <paramref name="issuer"/>, listing
    /// <paramref name="records"/> (the issuer's first). The prekeys expire <paramref name="prekeyLifetimeMs"/> from now.
    /// </summary>
    public static ContactCard Issue(DeviceKeys issuer, AccountLog log, IReadOnlyList<DeviceRecord> records, long nowUnixMs, long prekeyLifetimeMs)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(records);
        AccountView view = log.Current();
        if (!view.IsMember(issuer.Device) || records.Any(r => !view.IsMember(r.Device)))
        {
            throw new InvalidOperationException("Only member devices issue cards, and cards list only member devices.");
        }

        List<DeviceRecord> ordered = [.. records.OrderBy(r => r.Device == issuer.Device ? 0 : 1)];
        long expiresAt = checked(nowUnixMs + prekeyLifetimeMs);
        byte[] signature = issuer.Identity.Sign(ContactCard.SignedPayload(log.Account, issuer.Device, nowUnixMs, expiresAt,
            view.DisplayName, log.Entries, ordered));
        return new ContactCard(log.Account, issuer.Device, nowUnixMs, expiresAt, view.DisplayName, log.Entries, ordered, signature);
    }

    /// <summary>
    /// Checks a decoded card: not expired at <paramref name="nowUnixMs"/>; its log starts at the genesis whose hash
    /// is the account id and every entry is valid; the issuer and every listed device are members; and every
    /// signature holds (issuer's, each record's, each prekey's). Gives the first problem found.
    /// </summary>
    public static Result<VerifiedCard> Verify(ContactCard card, long nowUnixMs)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.PrekeysExpireAtUnixMs <= nowUnixMs)
        {
            return CardErrors.Expired;
        }

        if (!AccountLog.Create(card.Log[0]).TryGet(out AccountLog? log, out _) || log.Account != card.Account)
        {
            return CardErrors.BadAccountLog;
        }

        if (log.AddMany([.. card.Log.Skip(1)]).Any(result => !result.IsOk))
        {
            return CardErrors.BadAccountLog;
        }

        AccountView view = log.Current();
        if (!view.IsMember(card.Issuer) || card.Devices.Any(r => !view.IsMember(r.Device))
            || card.Devices.Select(r => r.Device).Distinct().Count() != card.Devices.Count)
        {
            return CardErrors.DeviceNotMember;
        }

        if (!Ed25519.Verify(card.Issuer.Span, card.SignedPayload(), card.Signature)
            || card.Devices.Any(record => !DeviceRecords.Verify(record).IsOk))
        {
            return CardErrors.BadSignature;
        }

        return new VerifiedCard(card, log, view);
    }

    /// <summary>Decodes any text form and verifies it.</summary>
    public static Result<VerifiedCard> Verify(string text, long nowUnixMs) =>
        ContactCardText.Decode(text).TryGet(out ContactCard? card, out KithError? error) ? Verify(card, nowUnixMs) : error;

    /// <summary>Decodes the binary form and verifies it.</summary>
    public static Result<VerifiedCard> Verify(ReadOnlySpan<byte> bytes, long nowUnixMs) =>
        ContactCard.Decode(bytes).TryGet(out ContactCard? card, out KithError? error) ? Verify(card, nowUnixMs) : error;

    /// <summary>The record of <paramref name="device"/> in the card, if listed.</summary>
    public static DeviceRecord? Find(ContactCard card, DeviceId device)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Devices.FirstOrDefault(r => r.Device == device);
    }
}
