using CsCheck;
using Kith.Wire.Accounts;
using Kith.Wire.Cards;
using Kith.Wire.Devices;
using Kith.Wire.Linking;

namespace Kith.Wire.Tests;

/// <summary>Every decoder of this issue returns a value for arbitrary input; none throws.</summary>
public class UntrustedInputTests
{
    [Fact]
    public void Random_bytes_never_make_a_decoder_throw()
    {
        Gen.Byte.Array[0, 600].Sample(bytes =>
        {
            _ = AccountEntry.Decode(bytes);
            _ = DeviceRecord.Decode(bytes);
            _ = ContactCard.Decode(bytes);
            _ = LinkRequest.Decode(bytes);
            _ = LinkResponse.Decode(bytes);
            _ = LinkReveal.Decode(bytes);
            _ = LinkProposal.Decode(bytes);
            _ = LinkAcceptance.Decode(bytes);
            byte[] versioned = [1, .. bytes];
            _ = AccountEntry.Decode(versioned);
            _ = DeviceRecord.Decode(versioned);
            _ = ContactCard.Decode(versioned);
        }, iter: 2000);
    }

    [Fact]
    public void Random_bytes_after_a_link_header_never_make_a_copy_decoder_throw()
    {
        Gen.Byte.Array[0, 600].Sample(bytes =>
        {
            // Past the version and type bytes, so the copies' own fields are reached.
            _ = LinkAccountCopy.Decode([LinkMessages.Version, (byte)LinkMessageType.AccountCopy, .. bytes]);
            _ = LinkHistoryCopy.Decode([LinkMessages.Version, (byte)LinkMessageType.HistoryCopy, .. bytes]);
            _ = LinkCopyDone.Decode([LinkMessages.Version, (byte)LinkMessageType.CopyDone, .. bytes]);
            _ = LinkMessages.TypeOf(bytes);
        }, iter: 2000);
    }

    [Fact]
    public void A_copy_round_trips_and_a_cut_one_is_an_error_value()
    {
        byte[] entry = [1, 2, 3];
        var copy = new LinkAccountCopy([9, 9], [entry, [4, 5]], []);
        byte[] bytes = copy.ToBytes();
        LinkAccountCopy decoded = LinkAccountCopy.Decode(bytes).Value;
        Assert.Equal(copy.Contact, decoded.Contact);
        Assert.Equal(2, decoded.Entries.Count);
        Assert.Equal(entry, decoded.Entries[0]);
        Assert.False(LinkAccountCopy.Decode(bytes.AsSpan(0, bytes.Length - 1)).IsOk);
        Assert.Equal(new LinkCopyDone(3, 7), LinkCopyDone.Decode(new LinkCopyDone(3, 7).ToBytes()).Value);
    }

    [Fact]
    public void Random_text_never_makes_a_text_decoder_throw()
    {
        Gen.String.Sample(text =>
        {
            _ = ContactCardText.Decode(text);
            _ = ContactCardText.Decode("KITH-" + text);
            _ = LinkCode.TryParse(text);
            _ = LinkCode.TryParse("KITHLINK-" + text);
        }, iter: 2000);
    }

    [Fact]
    public void Random_bytes_in_a_well_framed_card_text_give_an_error_value()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            // A valid frame and checksum around garbage, so the card decoder itself is reached.
            var checksum = new byte[4];
            Kith.Crypto.Blake2b.Hash(bytes, checksum, "Kith v1 card text checksum"u8);
            byte[] framed = [(byte)(bytes.Length >> 8), unchecked((byte)bytes.Length), .. bytes, .. checksum];
            Assert.False(ContactCardText.Decode("KITH-" + CrockfordBase32.Encode(framed)).IsOk);
        }, iter: 500);
    }
}
