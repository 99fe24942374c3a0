using CsCheck;

namespace Kith.Wire.Tests;

public class CrockfordBase32Tests
{
    [Fact]
    public void Any_bytes_round_trip()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            string text = CrockfordBase32.Encode(bytes);
            Assert.Equal(CrockfordBase32.EncodedLength(bytes.Length), text.Length);
            Assert.Equal(bytes, CrockfordBase32.TryDecode(text));
        });
    }

    [Fact]
    public void Decoding_forgives_case_look_alikes_hyphens_and_white_space()
    {
        byte[] data = [0x00, 0x44, 0x32, 0x14, 0xC7, 0x42, 0x54, 0xB6, 0x35, 0xCF];
        string text = CrockfordBase32.Encode(data);
        Assert.Equal("0123456789ABCDEF", text);
        Assert.Equal(data, CrockfordBase32.TryDecode("Oi23-4567\r\n89ab cdef"));
        Assert.Equal(data, CrockfordBase32.TryDecode("0L23456789ABCDEF"));
    }

    [Fact]
    public void Symbols_outside_the_alphabet_are_refused()
    {
        Assert.Null(CrockfordBase32.TryDecode("ABCU"));
        Assert.Null(CrockfordBase32.TryDecode("AB*C"));
        Assert.Null(CrockfordBase32.TryDecode("ABÇD"));
    }

    [Fact]
    public void The_alphabet_fits_qr_alphanumeric_mode()
    {
        const string QrAlphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        string all = CrockfordBase32.Encode(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray());
        Assert.All(all, c => Assert.Contains(c, QrAlphanumeric));
    }
}
