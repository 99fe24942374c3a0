using Kith.Crypto;
using Kith.Storage.Encryption;

namespace Kith.Storage.Tests.Encryption;

public sealed class ValueCipherTests : IDisposable
{
    private static readonly ValueColumn Body = new("messages", "body");
    private static readonly byte[] Row = [0, 0, 0, 42];

    private readonly SecretBytes _key = SecretBytes.Random(32, new SeededRandomSource(11));
    private readonly ValueCipher _cipher;

    public ValueCipherTests() => _cipher = new ValueCipher(_key, new SeededRandomSource(12));

    public void Dispose() => _key.Dispose();

    [Fact]
    public void A_value_decrypts_in_its_own_place()
    {
        byte[] stored = _cipher.Encrypt(Body, Row, "hello"u8);
        Assert.Equal(5 + ValueCipher.Overhead, stored.Length);
        Assert.Equal(ValueCipher.FormatVersion, stored[0]);
        Assert.Equal("hello"u8.ToArray(), _cipher.Decrypt(Body, Row, stored).Value);
    }

    [Fact]
    public void Text_round_trips_through_utf8()
    {
        byte[] stored = _cipher.EncryptText(Body, Row, "Grüße, Zoë 👋");
        Assert.Equal("Grüße, Zoë 👋", _cipher.DecryptText(Body, Row, stored).Value);
    }

    [Fact]
    public void Encrypting_the_same_value_twice_gives_unrelated_ciphertexts()
    {
        Assert.NotEqual(_cipher.Encrypt(Body, Row, "same"u8), _cipher.Encrypt(Body, Row, "same"u8));
    }

    [Fact]
    public void A_value_moved_to_another_row_column_or_table_fails_to_decrypt()
    {
        byte[] stored = _cipher.Encrypt(Body, Row, "hello"u8);
        Assert.Equal(StorageErrors.CorruptValue, _cipher.Decrypt(Body, [0, 0, 0, 43], stored).Error);
        Assert.Equal(StorageErrors.CorruptValue, _cipher.Decrypt(Body with { Column = "subject" }, Row, stored).Error);
        Assert.Equal(StorageErrors.CorruptValue, _cipher.Decrypt(Body with { Table = "drafts" }, Row, stored).Error);
        // Length prefixes: moving a byte between table and column names is another place too.
        Assert.Equal(StorageErrors.CorruptValue, _cipher.Decrypt(new ValueColumn("message", "sbody"), Row, stored).Error);
    }

    [Fact]
    public void Decrypt_rejects_every_single_bit_flip()
    {
        byte[] stored = _cipher.Encrypt(Body, Row, "short body"u8);
        for (int bit = 0; bit < stored.Length * 8; bit++)
        {
            byte[] tampered = (byte[])stored.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Equal(StorageErrors.CorruptValue, _cipher.Decrypt(Body, Row, tampered).Error);
        }
    }

    [Fact]
    public void Decrypt_rejects_truncated_and_empty_values()
    {
        byte[] stored = _cipher.Encrypt(Body, Row, "body"u8);
        for (int length = 0; length < stored.Length; length++)
        {
            Assert.Equal(StorageErrors.CorruptValue, _cipher.Decrypt(Body, Row, stored.AsSpan(0, length)).Error);
        }
    }

    [Fact]
    public void Another_data_key_cannot_decrypt()
    {
        using SecretBytes otherKey = SecretBytes.Random(32, new SeededRandomSource(13));
        var other = new ValueCipher(otherKey, new SeededRandomSource(14));
        Assert.Equal(StorageErrors.CorruptValue, other.Decrypt(Body, Row, _cipher.Encrypt(Body, Row, "body"u8)).Error);
    }

    [Fact]
    public void Printing_the_cipher_or_its_errors_shows_no_key_or_content()
    {
        string keyHex = Convert.ToHexString(_key.Span);
        byte[] stored = _cipher.Encrypt(Body, Row, "secret body"u8);
        stored[^1] ^= 1;
        string printed = _cipher + " " + _cipher.Decrypt(Body, Row, stored).Error;
        Assert.DoesNotContain(keyHex, printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret body", printed);
        Assert.Equal("[redacted]", StorageKeysToString());
    }

    private string StorageKeysToString()
    {
        using StorageKeys keys = StorageKeys.Derive(_key);
        return keys.ToString();
    }

    [Fact]
    public void A_stored_value_is_xchacha20_poly1305_with_the_place_as_associated_data()
    {
        // The stored format, spelt out independently of ValueCipher: values already on disk must keep opening.
        byte[] stored = _cipher.Encrypt(Body, Row, "hello"u8);
        byte[] ad = [ValueCipher.FormatVersion, 0, 8, .. "messages"u8, 0, 4, .. "body"u8, 0, 0, 0, 4, .. Row];
        byte[] plaintext = new byte[5];

        Assert.True(XChaCha20Poly1305.TryDecrypt(_key.Span, stored.AsSpan(1, XChaCha20Poly1305.NonceSize), ad,
            stored.AsSpan(1 + XChaCha20Poly1305.NonceSize), plaintext));
        Assert.Equal("hello"u8.ToArray(), plaintext);
    }
}
