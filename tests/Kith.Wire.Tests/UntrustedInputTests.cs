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
