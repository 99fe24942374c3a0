using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Storage.Encryption;

namespace Kith.Storage.Keyring;

/// <summary>
/// Wraps and unwraps the data key. The data key never changes: a new passphrase (or higher Argon2id
/// costs) only produces a new <see cref="WrappedDataKey"/>, so values are never re-encrypted.
/// </summary>
internal static class DataKeyWrapping
{
    public static Result<WrappedDataKey> Wrap(SecretBytes dataKey, ReadOnlySpan<byte> passphrase, PassphraseKdfParameters parameters, IRandomSource random)
    {
        if (!parameters.IsWithinBounds)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), "Argon2id costs are outside the bounds Kith accepts.");
        }

        byte[] salt = new byte[WrappedDataKey.SaltSize];
        byte[] nonce = new byte[WrappedDataKey.NonceSize];
        random.Fill(salt);
        random.Fill(nonce);
        var record = new WrappedDataKey(WrappedDataKey.CurrentFormat, PassphraseKdf.Argon2id13, parameters, salt, nonce,
            new byte[WrappedDataKey.CiphertextSize]);
        using var wrappingKey = new SecretBytes(StorageKeys.KeySize);
        if (!Argon2id.TryDeriveKey(passphrase, salt, parameters.Iterations, parameters.MemoryKiB, wrappingKey.AsSpan()))
        {
            return StorageErrors.KdfFailed;
        }

        XChaCha20Poly1305.Encrypt(wrappingKey.Span, nonce, record.AssociatedData(), dataKey.Span, record.Ciphertext);
        return record;
    }

    /// <summary>The data key, or <see cref="StorageErrors.WrongPassphrase"/>; the caller disposes the key.</summary>
    public static Result<SecretBytes> Unwrap(WrappedDataKey record, ReadOnlySpan<byte> passphrase)
    {
        if (!record.IsSupported)
        {
            return StorageErrors.KeyringUnsupported;
        }

        using var wrappingKey = new SecretBytes(StorageKeys.KeySize);
        if (!Argon2id.TryDeriveKey(passphrase, record.Salt, record.Parameters.Iterations, record.Parameters.MemoryKiB, wrappingKey.AsSpan()))
        {
            return StorageErrors.KdfFailed;
        }

        var dataKey = new SecretBytes(StorageKeys.KeySize);
        if (!XChaCha20Poly1305.TryDecrypt(wrappingKey.Span, record.Nonce, record.AssociatedData(), record.Ciphertext, dataKey.AsSpan()))
        {
            dataKey.Dispose();
            return StorageErrors.WrongPassphrase;
        }

        return dataKey;
    }
}
