using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Protocol.Contacts;
using Kith.Wire.Cards;
using Kith.Wire.Devices;

namespace Kith.Protocol.Tests.Contacts;

public class ContactCardTests
{
    private static readonly long Later = CardFixture.Start + CardFixture.Day;

    private static void AssertError(KithError expected, Result<VerifiedCard> result)
    {
        Assert.False(result.IsOk, "the card was accepted");
        Assert.Equal(expected.Code, result.Error.Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_card_round_trips_through_binary_text_link_and_qr_payload(int devices)
    {
        using var f = new CardFixture(1, devices);
        ContactCard card = f.Card();
        byte[] bytes = card.ToBytes();
        foreach (string form in new[] { ContactCardText.ToText(card), ContactCardText.ToLink(card), ContactCardText.ToQrPayload(card) })
        {
            VerifiedCard verified = ContactCards.Verify(form, Later).Value;
            Assert.Equal(bytes, verified.Card.ToBytes());
        }

        VerifiedCard fromBytes = ContactCards.Verify(bytes, Later).Value;
        Assert.Equal(f.Log.Account, fromBytes.View.Account);
        Assert.Equal("Ada Lovelace", fromBytes.Card.DisplayName);
        Assert.Equal(devices, fromBytes.Card.Devices.Count);
        Assert.All(fromBytes.Card.Devices, r => Assert.Equal(3, r.Prekeys!.OneTimePrekeys.Count));
        Assert.Equal(f.Devices[0].Device, fromBytes.Card.Devices[0].Device);
    }

    [Fact]
    public void Text_survives_line_breaks_spaces_case_and_quoting_from_chat_and_mail()
    {
        using var f = new CardFixture(2, 1);
        ContactCard card = f.Card();
        string text = ContactCardText.ToText(card);
        string mangled = "  <" + ContactCardText.Wrap(text, 76).Replace("\n", "\r\n > ".Replace(">", "", StringComparison.Ordinal), StringComparison.Ordinal).ToLowerInvariant() + ">\n";
        Assert.Equal(card.ToBytes(), ContactCards.Verify(mangled, Later).Value.Card.ToBytes());
        string spaced = string.Join(' ', text.Chunk(5).Select(c => new string(c)));
        Assert.Equal(card.ToBytes(), ContactCards.Verify(spaced, Later).Value.Card.ToBytes());
    }

    [Fact]
    public void Text_uses_no_look_alike_characters()
    {
        using var f = new CardFixture(3, 1);
        string body = ContactCardText.ToText(f.Card())[ContactCardText.TextPrefix.Length..];
        Assert.DoesNotContain(body, c => c is 'I' or 'L' or 'O' or 'U' || char.IsLower(c));
    }

    [Fact]
    public void A_cut_off_text_is_reported_as_truncated()
    {
        using var f = new CardFixture(4, 1);
        string text = ContactCardText.ToText(f.Card());
        foreach (int keep in new[] { 8, 100, text.Length / 2, text.Length - 10, text.Length - 1 })
        {
            AssertError(CardErrors.Truncated, ContactCards.Verify(text[..keep], Later));
        }
    }

    [Fact]
    public void A_typo_is_reported_as_a_wrong_checksum()
    {
        using var f = new CardFixture(5, 1);
        string text = ContactCardText.ToText(f.Card());
        foreach (int position in new[] { 20, 500, text.Length - 3 })
        {
            char[] chars = text.ToCharArray();
            chars[position] = chars[position] == '7' ? '8' : '7';
            AssertError(CardErrors.BadChecksum, ContactCards.Verify(new string(chars), Later));
        }
    }

    [Fact]
    public void Foreign_characters_and_other_texts_are_named_as_such()
    {
        using var f = new CardFixture(6, 1);
        string text = ContactCardText.ToText(f.Card());
        AssertError(CardErrors.BadCharacters, ContactCards.Verify(text[..40] + "U" + text[41..], Later));
        AssertError(CardErrors.BadCharacters, ContactCards.Verify(text[..40] + "!" + text[41..], Later));
        AssertError(CardErrors.NotACard, ContactCards.Verify("hello, here is my card", Later));
        AssertError(CardErrors.Oversized, ContactCards.Verify("KITH-" + new string('0', Limits.MaxContactCardTextLength), Later));
    }

    [Fact]
    public void A_card_from_a_newer_version_is_named_as_such()
    {
        using var f = new CardFixture(7, 1);
        byte[] bytes = f.Card().ToBytes();
        bytes[0] = 2;
        AssertError(CardErrors.UnknownVersion, ContactCards.Verify(bytes, Later));
    }

    [Fact]
    public void An_oversized_or_truncated_binary_card_is_named_as_such()
    {
        using var f = new CardFixture(8, 1);
        byte[] bytes = f.Card().ToBytes();
        AssertError(CardErrors.Oversized, ContactCards.Verify(new byte[Limits.MaxContactCardSize + 1], Later));
        for (int length = 0; length < bytes.Length; length += 97)
        {
            AssertError(CardErrors.Truncated, ContactCards.Verify(bytes.AsSpan(0, length), Later));
        }
    }

    [Fact]
    public void An_expired_card_is_refused()
    {
        using var f = new CardFixture(9, 1);
        ContactCard card = f.Card(lifetime: CardFixture.Day);
        Assert.Equal(card.IssuedAtUnixMs + CardFixture.Day, card.PrekeysExpireAtUnixMs);
        Assert.True(ContactCards.Verify(card, card.PrekeysExpireAtUnixMs - 1).IsOk);
        AssertError(CardErrors.Expired, ContactCards.Verify(card, card.PrekeysExpireAtUnixMs));
    }

    [Fact]
    public void A_changed_name_expiry_or_device_record_breaks_the_signature()
    {
        using var f = new CardFixture(10, 2);
        ContactCard card = f.Card();
        var renamed = new ContactCard(card.Account, card.Issuer, card.IssuedAtUnixMs, card.PrekeysExpireAtUnixMs, "Mallory", card.Log, card.Devices, card.Signature);
        var extended = new ContactCard(card.Account, card.Issuer, card.IssuedAtUnixMs, long.MaxValue, card.DisplayName, card.Log, card.Devices, card.Signature);
        DeviceRecord r = card.Devices[1];
        var moved = new DeviceRecord(r.Device, r.OnionKey, r.OnionSignature, r.IssuedAtUnixMs, [DeviceTransport.DirectTcp("evil.example", 1)], r.Signature, r.Prekeys);
        var redirected = new ContactCard(card.Account, card.Issuer, card.IssuedAtUnixMs, card.PrekeysExpireAtUnixMs, card.DisplayName, card.Log, [card.Devices[0], moved], card.Signature);
        foreach (ContactCard forged in new[] { renamed, extended, redirected })
        {
            AssertError(CardErrors.BadSignature, ContactCards.Verify(ContactCardText.ToText(forged), Later));
        }
    }

    [Fact]
    public void A_device_outside_the_account_or_a_log_of_another_account_is_refused()
    {
        using var f = new CardFixture(11, 1);
        using var other = new CardFixture(12, 1);
        ContactCard card = f.Card();
        var stranger = new ContactCard(card.Account, card.Issuer, card.IssuedAtUnixMs, card.PrekeysExpireAtUnixMs, card.DisplayName,
            card.Log, [card.Devices[0], other.Records[0]], card.Signature);
        AssertError(CardErrors.DeviceNotMember, ContactCards.Verify(stranger, Later));
        var swappedLog = new ContactCard(card.Account, card.Issuer, card.IssuedAtUnixMs, card.PrekeysExpireAtUnixMs, card.DisplayName,
            other.Log.Entries, card.Devices, card.Signature);
        AssertError(CardErrors.BadAccountLog, ContactCards.Verify(swappedLog, Later));
    }

    [Fact]
    public void Shedding_prekeys_keeps_the_signature_valid()
    {
        using var f = new CardFixture(13, 3);
        ContactCard card = f.Card();
        foreach (CardContent content in Enum.GetValues<CardContent>())
        {
            ContactCard reduced = ContactCards.Verify(ContactCardText.ToText(card.WithContent(content)), Later).Value.Card;
            Assert.Equal(content == CardContent.NoPrekeys ? 0 : content == CardContent.IssuerPrekeysOnly ? 1 : 3,
                reduced.Devices.Count(d => d.Prekeys is not null));
        }
    }
}
