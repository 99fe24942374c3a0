using Kith.Wire.Onion;
using System.Security.Cryptography;

namespace Kith.Tor.Onion;

/// <summary>
/// An onion service's identity key as <c>ADD_ONION ED25519-V3:</c> takes it (control-spec §3.27): the 64-byte
/// expanded Ed25519 secret key, i.e. SHA-512 of the 32-byte seed with the first half clamped (RFC 8032 §5.1.5,
/// the form tor's ed25519 code keeps secret keys in), so the device's own Ed25519 identity is its onion identity.
/// Holds a secret: zeroed on <see cref="Dispose"/>, never printed.
/// </summary>
public sealed class OnionServiceKey : IDisposable
{
    /// <summary>Bytes of an Ed25519 seed.</summary>
    public const int SeedSize = 32;

    /// <summary>Bytes of an expanded Ed25519 secret key.</summary>
    public const int ExpandedKeySize = 64;

    private readonly byte[] _expanded;
    private bool _disposed;

    private OnionServiceKey(byte[] expanded, OnionAddress address)
    {
        _expanded = expanded;
        Address = address;
    }

    /// <summary>The address tor must report for this key.</summary>
    public OnionAddress Address { get; }

    /// <summary>
    /// Expands the device's Ed25519 <paramref name="seed"/>; <paramref name="publicKey"/> is that seed's public key
    /// (derived by the caller's Ed25519 implementation), from which the expected address is computed.
    /// </summary>
    public static OnionServiceKey FromEd25519Seed(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> publicKey)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException("An Ed25519 seed is 32 bytes.", nameof(seed));
        }

        var expanded = new byte[ExpandedKeySize];
        Expand(seed, expanded);
        return new OnionServiceKey(expanded, OnionAddress.FromPublicKey(publicKey));
    }

    /// <summary>RFC 8032 §5.1.5 steps 1–2: <c>h = SHA-512(seed)</c>; clear bits 0–2 of h[0] and bit 7 of h[31], set bit 6 of h[31].</summary>
    public static void Expand(ReadOnlySpan<byte> seed, Span<byte> expanded)
    {
        if (seed.Length != SeedSize || expanded.Length != ExpandedKeySize)
        {
            throw new ArgumentException("The seed is 32 bytes and the expanded key 64.");
        }

        SHA512.HashData(seed, expanded);
        expanded[0] &= 248;
        expanded[31] &= 63;
        expanded[31] |= 64;
    }

    /// <summary>The key blob for <c>ADD_ONION</c>: <c>ED25519-V3:</c> and the base64 of the expanded key.</summary>
    internal string ToKeyArgument()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return "ED25519-V3:" + Convert.ToBase64String(_expanded);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_expanded);
        _disposed = true;
    }

    /// <inheritdoc/>
    public override string ToString() => $"OnionServiceKey({Address}, [redacted])";
}
