namespace Kith.Crypto.Tests.Rfc;

/// <summary>draft-irtf-cfrg-xchacha-03 Appendix A.3.1 through <see cref="XChaCha20Poly1305"/>.</summary>
public class XChaCha20Poly1305Tests
{
    internal const string Key = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";
    internal const string Nonce = "404142434445464748494a4b4c4d4e4f5051525354555657";
    internal const string AssociatedData = "50515253c0c1c2c3c4c5c6c7";
    internal const string Plaintext =
        "4c616469657320616e642047656e746c656d656e206f662074686520636c617373206f66202739393a204966204920636f756c64206f6666657220796f75206f6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73637265656e20776f756c642062652069742e";
    internal const string Ciphertext =
        "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e";
    internal const string Tag = "c0875924c1c7987947deafd8780acf49";

    [Fact]
    public void Encrypt_produces_the_draft_A_3_1_ciphertext_and_tag()
    {
        var output = new byte[(Plaintext.Length / 2) + XChaCha20Poly1305.TagSize];
        XChaCha20Poly1305.Encrypt(Hex.Decode(Key), Hex.Decode(Nonce), Hex.Decode(AssociatedData), Hex.Decode(Plaintext), output);
        Assert.Equal(Ciphertext + Tag, Hex.Encode(output));
    }

    [Fact]
    public void TryDecrypt_recovers_the_draft_A_3_1_plaintext()
    {
        var output = new byte[Plaintext.Length / 2];
        Assert.True(XChaCha20Poly1305.TryDecrypt(Hex.Decode(Key), Hex.Decode(Nonce), Hex.Decode(AssociatedData), Hex.Decode(Ciphertext + Tag), output));
        Assert.Equal(Plaintext, Hex.Encode(output));
    }

    [Fact]
    public void TryDecrypt_rejects_every_single_bit_flip_of_the_draft_ciphertext_tag_and_ad()
    {
        byte[] key = Hex.Decode(Key);
        byte[] nonce = Hex.Decode(Nonce);
        byte[] ad = Hex.Decode(AssociatedData);
        byte[] sealedBytes = Hex.Decode(Ciphertext + Tag);
        var output = new byte[Plaintext.Length / 2];
        foreach (byte[] flipped in BitFlips.Of(sealedBytes))
        {
            output.AsSpan().Fill(0xA5);
            Assert.False(XChaCha20Poly1305.TryDecrypt(key, nonce, ad, flipped, output));
            Zeroes.Assert(output);
        }

        foreach (byte[] flipped in BitFlips.Of(ad))
        {
            output.AsSpan().Fill(0xA5);
            Assert.False(XChaCha20Poly1305.TryDecrypt(key, nonce, flipped, sealedBytes, output));
            Zeroes.Assert(output);
        }
    }
}
