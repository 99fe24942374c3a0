using Kith.Crypto;

namespace Kith.Transport.Handshake;

/// <summary>
/// What a device presents in a link handshake: its X25519 Noise static key pair and the <see cref="LinkIdentity"/>
/// payload binding that key to its device identity (sent in XX message 2 when it answers, 3 when it dials).
/// </summary>
public sealed class LinkKeys
{
    private LinkKeys(X25519KeyPair staticKey, LinkIdentity identity)
    {
        Static = staticKey;
        Identity = identity;
    }

    /// <summary>The Noise static key pair; stays the caller's (disposed by whoever created it).</summary>
    public X25519KeyPair Static { get; }

    /// <summary>The signed binding of <see cref="Static"/>'s public key to the device identity.</summary>
    public LinkIdentity Identity { get; }

    /// <summary>Signs <paramref name="staticKey"/>'s public key with <paramref name="identity"/> (once, at start: Ed25519 is deterministic).</summary>
    public static LinkKeys Create(X25519KeyPair staticKey, Ed25519SigningKey identity)
    {
        ArgumentNullException.ThrowIfNull(staticKey);
        return new LinkKeys(staticKey, LinkIdentity.Sign(identity, staticKey.PublicKey));
    }

    /// <summary>The device; never the key.</summary>
    public override string ToString() => $"LinkKeys({Identity.Device})";
}
