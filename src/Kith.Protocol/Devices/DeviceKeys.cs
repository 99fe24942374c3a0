using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Prekeys;
using Kith.Wire.Devices;

namespace Kith.Protocol.Devices;

/// <summary>
/// Every private key one device holds, each generated on the device and never copied to another
/// (PROTOCOL.md, accounts): its Ed25519 identity (whose public key is the <see cref="DeviceId"/>), the separate
/// Ed25519 seed of its Tor onion service, and its prekeys.
/// </summary>
public sealed partial class DeviceKeys : IDisposable
{
    private readonly SecretBytes _onionSeed;
    private readonly byte[] _onionPublicKey;

    private DeviceKeys(Ed25519SigningKey identity, SecretBytes onionSeed, DevicePrekeySecrets prekeys)
    {
        Identity = identity;
        _onionSeed = onionSeed;
        _onionPublicKey = new byte[Ed25519.PublicKeySize];
        Ed25519.DerivePublicKey(onionSeed.Span, _onionPublicKey);
        Prekeys = prekeys;
    }

    /// <summary>The identity signing key.</summary>
    public Ed25519SigningKey Identity { get; }

    /// <summary>The device id (the identity's public key).</summary>
    public DeviceId Device => DeviceId.FromBytes(Identity.PublicKey);

    /// <summary>The onion service's public key (<c>KP_hs_id</c>).</summary>
    public ReadOnlySpan<byte> OnionPublicKey => _onionPublicKey;

    /// <summary>
    /// The onion service's secret seed, for the node to hand to tor (control-spec <c>ADD_ONION ED25519-V3</c>
    /// takes the expanded form derived from it).
    /// </summary>
    public SecretBytes OnionSeed => _onionSeed;

    /// <summary>The device's prekeys.</summary>
    public DevicePrekeySecrets Prekeys { get; }

    /// <summary>Generates a new device's keys.</summary>
    public static DeviceKeys Generate(IRandomSource random, int oneTimePrekeys, int oneTimePqPrekeys)
    {
        ArgumentNullException.ThrowIfNull(random);
        var identity = Ed25519SigningKey.Generate(random);
        SecretBytes onionSeed = SecretBytes.Random(Ed25519.SeedSize, random);
        return new DeviceKeys(identity, onionSeed, DevicePrekeySecrets.Generate(identity, random, oneTimePrekeys, oneTimePqPrekeys));
    }

    /// <summary>Signs a record of this device offering <paramref name="transports"/>, with its current prekeys.</summary>
    public DeviceRecord IssueRecord(IReadOnlyList<DeviceTransport> transports, long nowUnixMs)
    {
        var onionSignature = new byte[Ed25519.SignatureSize];
        Ed25519.Sign(_onionSeed.Span, DeviceRecord.OnionBindingPayload(Device), onionSignature);
        byte[] signature = Identity.Sign(DeviceRecord.SignedPayload(Device, _onionPublicKey, onionSignature, nowUnixMs, transports));
        return new DeviceRecord(Device, (byte[])_onionPublicKey.Clone(), onionSignature, nowUnixMs, transports, signature, Prekeys.Published);
    }

    /// <summary>Zeroes every private key.</summary>
    public void Dispose()
    {
        Identity.Dispose();
        _onionSeed.Dispose();
        Prekeys.Dispose();
    }

    /// <summary>Prints the device id only.</summary>
    public override string ToString() => $"DeviceKeys({Device})";
}
