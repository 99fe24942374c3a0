using System.Buffers.Binary;
using System.Security.Cryptography;
using Kith.Protocol.SenderKeys;
using Kith.Wire.SenderKeys;

namespace Kith.Protocol.Tests.SenderKeys;

/// <summary>
/// Recomputes the documented construction with .NET's own HMAC, HKDF and ChaCha20-Poly1305, independently of
/// Kith.Crypto: MK = HMAC-SHA-256(CK, 0x01), CK' = HMAC-SHA-256(CK, 0x02) (Signal's sender-key KDF), and the
/// cipher key and nonce = HKDF-SHA-256(MK, info "Kith SenderKey message"), AD = chain id ‖ index ‖ caller AD.
/// </summary>
public class SenderKeyConstructionTests
{
    [Fact]
    public void Ciphertexts_follow_the_documented_sender_key_kdf_and_cipher()
    {
        using var fixture = new SenderKeyFixture();
        using SenderKeyDistribution distribution = fixture.Author.CreateDistribution();
        byte[] chainKey = distribution.ChainKey.Span.ToArray();
        SenderKeyMessage[] messages = fixture.EncryptMany(3);

        for (int i = 0; i < messages.Length; i++)
        {
            byte[] messageKey = HMACSHA256.HashData(chainKey, new byte[] { 0x01 });
            chainKey = HMACSHA256.HashData(chainKey, new byte[] { 0x02 });
            byte[] keyAndNonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, messageKey, 44, salt: new byte[32], info: "Kith SenderKey message"u8.ToArray());

            byte[] header = SenderKeyFixture.Header(i);
            byte[] ad = new byte[32 + 4 + header.Length];
            fixture.Author.ChainId.CopyTo(ad);
            BinaryPrimitives.WriteUInt32BigEndian(ad.AsSpan(32), (uint)i);
            header.CopyTo(ad, 36);

            byte[] ciphertext = messages[i].Ciphertext;
            byte[] plaintext = new byte[ciphertext.Length - 16];
            using var aead = new ChaCha20Poly1305(keyAndNonce.AsSpan(0, 32));
            aead.Decrypt(keyAndNonce.AsSpan(32, 12), ciphertext.AsSpan(0, plaintext.Length), ciphertext.AsSpan(plaintext.Length), plaintext, ad);
            Assert.Equal(SenderKeyFixture.Text(i), plaintext);
        }
    }
}
