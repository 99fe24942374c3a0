using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Transport.Handshake;

/// <summary>
/// The handshake payload that binds a link's Noise static key to a device's long-term identity, after the libp2p
/// Noise spec ("The libp2p Handshake Payload": the identity key and its signature over
/// <c>"noise-libp2p-static-key:" || static key</c>, sent encrypted in XX messages 2 and 3) with a Kith label. It lets a
/// device be linked with when only its identity is known (a QR card carries no prekeys, so no X25519 key).
/// </summary>
/// <remarks>
/// Encoding: <c>version(1) device(32) signature(64)</c>, exactly <see cref="Size"/> bytes. The signature is Ed25519 by
/// the device id's key over <see cref="SignedPayload"/>. Each side signs once at start; the peer checks the
/// signature against the static key Noise authenticated in the same message before it trusts the identity.
/// </remarks>
public sealed class LinkIdentity
{
    /// <summary>Current encoding version.</summary>
    public const byte Version = 1;

    /// <summary>Encoded length: version, device id, signature.</summary>
    public const int Size = 1 + DeviceId.Size + Ed25519.SignatureSize;

    private readonly byte[] _signature;

    private LinkIdentity(DeviceId device, byte[] signature)
    {
        Device = device;
        _signature = signature;
    }

    /// <summary>The device (its Ed25519 identity key) that signed the static key.</summary>
    public DeviceId Device { get; }

    /// <summary>The signature over <see cref="SignedPayload"/> of the static key.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>The domain label: libp2p's <c>noise-libp2p-static-key:</c> with Kith's name, so no other signature of the key can be replayed here.</summary>
    public static ReadOnlySpan<byte> Label => "kith-link-static-key:"u8;

    /// <summary>The bytes the identity signs: <see cref="Label"/> followed by the X25519 static public key.</summary>
    public static byte[] SignedPayload(ReadOnlySpan<byte> staticPublicKey) => [.. Label, .. staticPublicKey];

    /// <summary>Signs <paramref name="staticPublicKey"/> with the device identity <paramref name="identity"/>.</summary>
    public static LinkIdentity Sign(Ed25519SigningKey identity, ReadOnlySpan<byte> staticPublicKey)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new LinkIdentity(DeviceId.FromBytes(identity.PublicKey), identity.Sign(SignedPayload(staticPublicKey)));
    }

    /// <summary>Decodes the format only; <see cref="Proves"/> checks the signature.</summary>
    public static Result<LinkIdentity> Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != Size)
        {
            return TransportErrors.MalformedIdentity;
        }

        if (payload[0] != Version)
        {
            return TransportErrors.UnknownIdentityVersion;
        }

        return new LinkIdentity(DeviceId.FromBytes(payload.Slice(1, DeviceId.Size)), payload[(1 + DeviceId.Size)..].ToArray());
    }

    /// <summary>
    /// The device that proved <paramref name="remoteStatic"/> (the key Noise authenticated in the message that carried
    /// <paramref name="payload"/>), or why not. Never throws on peer bytes.
    /// </summary>
    public static Result<DeviceId> Verify(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> remoteStatic)
    {
        if (!Decode(payload).TryGet(out LinkIdentity? identity, out KithError? error))
        {
            return error;
        }

        return identity.Proves(remoteStatic) ? identity.Device : TransportErrors.UnprovenIdentity;
    }

    /// <summary>Whether the signature binds <paramref name="staticPublicKey"/> to <see cref="Device"/>.</summary>
    public bool Proves(ReadOnlySpan<byte> staticPublicKey) =>
        Ed25519.Verify(Device.Span, SignedPayload(staticPublicKey), _signature);

    /// <summary>The encoded payload.</summary>
    public byte[] Encode() => [Version, .. Device.Span, .. _signature];

    /// <inheritdoc/>
    public override string ToString() => $"LinkIdentity({Device})";
}
