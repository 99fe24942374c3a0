namespace Kith.Storage.Keyring;

/// <summary>The key derivation that turns a passphrase into the key-wrapping key. Persisted in the keyring record.</summary>
public enum PassphraseKdf
{
    /// <summary>Argon2id version 1.3 (RFC 9106), p = 1, 16-byte salt, 32-byte output.</summary>
    Argon2id13 = 1,
}
