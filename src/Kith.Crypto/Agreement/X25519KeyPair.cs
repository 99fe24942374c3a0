namespace Kith.Crypto;

/// <summary>An X25519 key pair whose private half is a <see cref="SecretBytes"/>.</summary>
public sealed class X25519KeyPair : IDisposable
{
    private readonly byte[] _publicKey;

    private X25519KeyPair(SecretBytes privateKey)
    {
        PrivateKey = privateKey;
        _publicKey = new byte[X25519.PublicKeySize];
        X25519.DerivePublicKey(privateKey.Span, _publicKey);
    }

    /// <summary>The private key (32 bytes).</summary>
    public SecretBytes PrivateKey { get; }

    /// <summary>The public key (32 bytes).</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>A copy of the public key.</summary>
    public byte[] PublicKeyBytes => (byte[])_publicKey.Clone();

    /// <summary>Generates a key pair from <paramref name="random"/>.</summary>
    public static X25519KeyPair Generate(IRandomSource random) =>
        new(SecretBytes.Random(X25519.PrivateKeySize, random));

    /// <summary>Rebuilds a key pair from a stored private key (copied).</summary>
    public static X25519KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        X25519.CheckLength(privateKey, X25519.PrivateKeySize, nameof(privateKey));
        return new X25519KeyPair(SecretBytes.CopyFrom(privateKey));
    }

    /// <summary>Agrees with <paramref name="peerPublicKey"/>; <c>false</c> on a low-order point (see <see cref="X25519.TryAgree"/>).</summary>
    public bool TryAgree(ReadOnlySpan<byte> peerPublicKey, Span<byte> sharedSecret) =>
        X25519.TryAgree(PrivateKey.Span, peerPublicKey, sharedSecret);

    /// <summary>Zeroes the private key.</summary>
    public void Dispose() => PrivateKey.Dispose();

    /// <summary>Prints the public key only.</summary>
    public override string ToString() => $"X25519KeyPair(public {Convert.ToHexStringLower(_publicKey)})";
}
