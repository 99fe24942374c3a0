using System.Security.Cryptography;
using Kith.Crypto;
using Kith.Primitives.Errors;

namespace Kith.Protocol.Noise;

/// <summary>
/// Noise's <c>SymmetricState</c> (Noise rev. 34 §5.2): the chaining key <c>ck</c>, the handshake hash
/// <c>h</c> and a <see cref="CipherState"/>, with BLAKE2b as HASH (§12.8, HASHLEN = 64) and
/// HMAC-BLAKE2b inside HKDF (§4.3).
/// </summary>
/// <remarks>
/// <c>ck</c> is a secret (every handshake key derives from it) and lives in a <see cref="SecretBytes"/>;
/// <c>h</c> is a transcript hash, not a secret, and is what channel binding uses (§11.2).
/// </remarks>
public sealed class SymmetricState : IDisposable
{
    /// <summary>HASHLEN for BLAKE2b (§12.8).</summary>
    public const int HashLength = NoiseHkdf.HashLength;

    private readonly SecretBytes _chainingKey = new(HashLength);
    private readonly byte[] _hash = new byte[HashLength];
    private readonly CipherState _cipher = new();
    private bool _disposed;

    private SymmetricState()
    {
    }

    /// <summary>Whether the inner cipher state has a key, i.e. handshake data is now encrypted.</summary>
    public bool HasKey => _cipher.HasKey;

    /// <summary>
    /// <c>InitializeSymmetric(protocol_name)</c>: <c>h</c> is the name zero-padded to HASHLEN, or its hash when
    /// longer; <c>ck = h</c>; the cipher has no key.
    /// </summary>
    public static SymmetricState InitializeSymmetric(ReadOnlySpan<byte> protocolName)
    {
        var state = new SymmetricState();
        if (protocolName.Length <= HashLength)
        {
            protocolName.CopyTo(state._hash);
        }
        else
        {
            Blake2b.Hash(protocolName, state._hash);
        }

        state._hash.CopyTo(state._chainingKey.AsSpan());
        return state;
    }

    /// <summary>
    /// <c>MixKey(input_key_material)</c>: <c>ck, temp_k = HKDF(ck, ikm, 2)</c>; the cipher is keyed with the first
    /// 32 bytes of <c>temp_k</c> (HASHLEN 64 is truncated, §5.2).
    /// </summary>
    public void MixKey(ReadOnlySpan<byte> inputKeyMaterial)
    {
        ThrowIfDisposed();
        Span<byte> tempK = stackalloc byte[HashLength];
        try
        {
            NoiseHkdf.Derive(_chainingKey.Span, inputKeyMaterial, _chainingKey.AsSpan(), tempK, default);
            _cipher.InitializeKey(tempK[..CipherState.KeySize]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(tempK);
        }
    }

    /// <summary><c>MixHash(data)</c>: <c>h = HASH(h || data)</c>.</summary>
    public void MixHash(ReadOnlySpan<byte> data)
    {
        ThrowIfDisposed();
        using var hasher = new Blake2bHasher(HashLength);
        hasher.Update(_hash);
        hasher.Update(data);
        hasher.Finish(_hash);
    }

    /// <summary>
    /// <c>MixKeyAndHash(input_key_material)</c>, used for pre-shared keys (§9.2):
    /// <c>ck, temp_h, temp_k = HKDF(ck, ikm, 3)</c>; <c>MixHash(temp_h)</c>; key the cipher with <c>temp_k</c>.
    /// </summary>
    public void MixKeyAndHash(ReadOnlySpan<byte> inputKeyMaterial)
    {
        ThrowIfDisposed();
        Span<byte> tempH = stackalloc byte[HashLength];
        Span<byte> tempK = stackalloc byte[HashLength];
        try
        {
            NoiseHkdf.Derive(_chainingKey.Span, inputKeyMaterial, _chainingKey.AsSpan(), tempH, tempK);
            MixHash(tempH);
            _cipher.InitializeKey(tempK[..CipherState.KeySize]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(tempH);
            CryptographicOperations.ZeroMemory(tempK);
        }
    }

    /// <summary><c>GetHandshakeHash()</c>: a copy of <c>h</c> (§11.2 channel binding).</summary>
    public byte[] GetHandshakeHash()
    {
        ThrowIfDisposed();
        return (byte[])_hash.Clone();
    }

    /// <summary>How many bytes <see cref="EncryptAndHash"/> writes for a plaintext of the given length.</summary>
    public int CiphertextLength(int plaintextLength) => _cipher.CiphertextLength(plaintextLength);

    /// <summary>
    /// <c>EncryptAndHash(plaintext)</c>: encrypts with <c>h</c> as associated data, then mixes the ciphertext into
    /// <c>h</c>. Returns the bytes written.
    /// </summary>
    public Result<int> EncryptAndHash(ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        ThrowIfDisposed();
        Result<int> written = _cipher.EncryptWithAd(_hash, plaintext, ciphertext);
        if (written.IsOk)
        {
            MixHash(ciphertext[..written.Value]);
        }

        return written;
    }

    /// <summary>
    /// <c>DecryptAndHash(ciphertext)</c>: decrypts with <c>h</c> as associated data, then mixes the ciphertext into
    /// <c>h</c>. On failure <c>h</c> and the cipher are unchanged. Returns the bytes written.
    /// </summary>
    public Result<int> DecryptAndHash(ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        ThrowIfDisposed();
        Result<int> written = _cipher.DecryptWithAd(_hash, ciphertext, plaintext);
        if (written.IsOk)
        {
            MixHash(ciphertext);
        }

        return written;
    }

    /// <summary>
    /// <c>Split()</c>: <c>temp_k1, temp_k2 = HKDF(ck, empty, 2)</c>, each truncated to 32 bytes, as two new cipher
    /// states: the first for initiator-to-responder messages, the second for the other direction.
    /// </summary>
    public (CipherState InitiatorToResponder, CipherState ResponderToInitiator) Split()
    {
        ThrowIfDisposed();
        Span<byte> tempK1 = stackalloc byte[HashLength];
        Span<byte> tempK2 = stackalloc byte[HashLength];
        var first = new CipherState();
        var second = new CipherState();
        try
        {
            NoiseHkdf.Derive(_chainingKey.Span, default, tempK1, tempK2, default);
            first.InitializeKey(tempK1[..CipherState.KeySize]);
            second.InitializeKey(tempK2[..CipherState.KeySize]);
            return (first, second);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(tempK1);
            CryptographicOperations.ZeroMemory(tempK2);
        }
    }

    /// <summary>Zeroes <c>ck</c>, <c>h</c> and the cipher key.</summary>
    public void Dispose()
    {
        _chainingKey.Dispose();
        CryptographicOperations.ZeroMemory(_hash);
        _cipher.Dispose();
        _disposed = true;
    }

    /// <summary>Never prints <c>ck</c> or the key.</summary>
    public override string ToString() => $"SymmetricState(ck {Redacted.Text}, {_cipher})";

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
