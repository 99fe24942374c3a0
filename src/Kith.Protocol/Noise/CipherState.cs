using System.Buffers.Binary;
using Kith.Crypto;
using Kith.Primitives.Errors;

namespace Kith.Protocol.Noise;

/// <summary>
/// Noise's <c>CipherState</c> (Noise rev. 34 §5.1): a ChaChaPoly key <c>k</c> (or none) and a 64-bit nonce
/// <c>n</c>. Used inside <see cref="SymmetricState"/> during the handshake and, after
/// <see cref="SymmetricState.Split"/>, once per direction in a <see cref="NoiseTransport"/>.
/// </summary>
/// <remarks>
/// <para>Nonce 2^64−1 is reserved (§5.1) for <see cref="Rekey"/>: once <c>n</c> reaches it, encryption and
/// decryption return <see cref="NoiseErrors.NonceExhaustedCode"/> and never wrap around.</para>
/// <para>A failed <see cref="DecryptWithAd"/> changes nothing: <c>n</c> does not advance (§5.1), so the next
/// genuine message still decrypts.</para>
/// </remarks>
public sealed class CipherState : IDisposable
{
    /// <summary>ChaChaPoly key size (§12.3).</summary>
    public const int KeySize = ChaCha20Poly1305.KeySize;

    /// <summary>ChaChaPoly tag size, the ciphertext overhead once a key is set (§12.3).</summary>
    public const int TagSize = ChaCha20Poly1305.TagSize;

    /// <summary>The reserved nonce 2^64−1 (§5.1), used only by <c>REKEY</c> (§4.2).</summary>
    public const ulong ReservedNonce = ulong.MaxValue;

    private SecretBytes? _key;
    private bool _disposed;

    /// <summary>A cipher state with no key (<c>InitializeKey(empty)</c>), which passes plaintext through.</summary>
    public CipherState()
    {
    }

    /// <summary><c>HasKey()</c>: whether <c>k</c> is set.</summary>
    public bool HasKey => _key is not null;

    /// <summary>The nonce <c>n</c> the next operation will use (not secret; exposed for diagnostics and tests).</summary>
    public ulong Nonce { get; private set; }

    /// <summary>How many bytes encrypting a plaintext of <paramref name="plaintextLength"/> bytes yields.</summary>
    public int CiphertextLength(int plaintextLength) => HasKey ? checked(plaintextLength + TagSize) : plaintextLength;

    /// <summary>
    /// <c>InitializeKey(key)</c>: sets <c>k</c> (copied; an empty span clears it) and resets <c>n</c> to 0.
    /// </summary>
    /// <exception cref="ArgumentException">The key is neither empty nor 32 bytes.</exception>
    public void InitializeKey(ReadOnlySpan<byte> key)
    {
        ThrowIfDisposed();
        if (!key.IsEmpty && key.Length != KeySize)
        {
            throw new ArgumentException($"A Noise cipher key is {KeySize} bytes.", nameof(key));
        }

        _key?.Dispose();
        _key = key.IsEmpty ? null : SecretBytes.CopyFrom(key);
        Nonce = 0;
    }

    /// <summary><c>SetNonce(nonce)</c>: for out-of-order transport messages (§11.4) and tests.</summary>
    public void SetNonce(ulong nonce)
    {
        ThrowIfDisposed();
        Nonce = nonce;
    }

    /// <summary>
    /// <c>EncryptWithAd(ad, plaintext)</c>: encrypts under <c>k</c> and <c>n</c>, then increments <c>n</c>; without a
    /// key, copies the plaintext. Returns the bytes written to <paramref name="ciphertext"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="ciphertext"/> is shorter than <see cref="CiphertextLength"/>.</exception>
    public Result<int> EncryptWithAd(ReadOnlySpan<byte> ad, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        ThrowIfDisposed();
        int length = CiphertextLength(plaintext.Length);
        if (ciphertext.Length < length)
        {
            throw new ArgumentException("Destination is too short for the ciphertext.", nameof(ciphertext));
        }

        if (_key is null)
        {
            plaintext.CopyTo(ciphertext);
            return plaintext.Length;
        }

        if (Nonce == ReservedNonce)
        {
            return NoiseErrors.NonceExhausted();
        }

        Span<byte> nonce = stackalloc byte[ChaCha20Poly1305.NonceSize];
        EncodeNonce(Nonce, nonce);
        ChaCha20Poly1305.Encrypt(_key.Span, nonce, ad, plaintext, ciphertext[..length]);
        Nonce++;
        return length;
    }

    /// <summary>
    /// <c>DecryptWithAd(ad, ciphertext)</c>: authenticates and decrypts under <c>k</c> and <c>n</c>, incrementing
    /// <c>n</c> only on success; without a key, copies the ciphertext. Returns the bytes written to
    /// <paramref name="plaintext"/>. On failure <paramref name="plaintext"/> is zeroed and no state changes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="plaintext"/> is too short for the result.</exception>
    public Result<int> DecryptWithAd(ReadOnlySpan<byte> ad, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        ThrowIfDisposed();
        if (_key is null)
        {
            CheckDestination(plaintext, ciphertext.Length);
            ciphertext.CopyTo(plaintext);
            return ciphertext.Length;
        }

        if (ciphertext.Length < TagSize)
        {
            return NoiseErrors.Truncated(ErrorScope.Input);
        }

        int length = ciphertext.Length - TagSize;
        CheckDestination(plaintext, length);
        if (Nonce == ReservedNonce)
        {
            return NoiseErrors.NonceExhausted();
        }

        Span<byte> nonce = stackalloc byte[ChaCha20Poly1305.NonceSize];
        EncodeNonce(Nonce, nonce);
        if (!ChaCha20Poly1305.TryDecrypt(_key.Span, nonce, ad, ciphertext, plaintext[..length]))
        {
            return NoiseErrors.BadTag(ErrorScope.Input);
        }

        Nonce++;
        return length;
    }

    /// <summary>
    /// <c>Rekey()</c> (§5.1, §11.3): <c>k = REKEY(k)</c>, where <c>REKEY(k)</c> is the first 32 bytes of
    /// <c>ENCRYPT(k, 2^64−1, empty, 32 zero bytes)</c> (§4.2). <c>n</c> is left as it is.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no key to rekey.</exception>
    public void Rekey()
    {
        ThrowIfDisposed();
        if (_key is null)
        {
            throw new InvalidOperationException("Rekey needs a key.");
        }

        Span<byte> nonce = stackalloc byte[ChaCha20Poly1305.NonceSize];
        EncodeNonce(ReservedNonce, nonce);
        Span<byte> zeros = stackalloc byte[KeySize];
        zeros.Clear();
        var output = new SecretBytes(KeySize + TagSize);
        try
        {
            ChaCha20Poly1305.Encrypt(_key.Span, nonce, default, zeros, output.AsSpan());
            output.Span[..KeySize].CopyTo(_key.AsSpan());
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>Zeroes the key.</summary>
    public void Dispose()
    {
        _key?.Dispose();
        _key = null;
        _disposed = true;
    }

    /// <summary>Says whether a key is set and the nonce; never the key.</summary>
    public override string ToString() => $"CipherState(k {(HasKey ? Redacted.Text : "none")}, n {Nonce})";

    /// <summary>ChaChaPoly's nonce encoding (§12.3): 32 bits of zeros, then <c>n</c> as 64-bit little-endian.</summary>
    internal static void EncodeNonce(ulong n, Span<byte> nonce)
    {
        nonce[..4].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(nonce[4..], n);
    }

    private static void CheckDestination(Span<byte> plaintext, int length)
    {
        if (plaintext.Length < length)
        {
            throw new ArgumentException("Destination is too short for the plaintext.", nameof(plaintext));
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
