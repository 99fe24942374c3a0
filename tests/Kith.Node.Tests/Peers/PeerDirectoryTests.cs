using Kith.Crypto;
using Kith.Node.Peers;
using Kith.Protocol.Devices;
using Kith.Wire.Devices;
using Kith.Wire.Prekeys;

namespace Kith.Node.Tests.Peers;

/// <summary>
/// A peer's Noise static key is its X25519 identity key only when its Ed25519 identity signed that key for itself
/// (PQXDH §3.2): otherwise a record under a contact's device id could carry anyone's key.
/// </summary>
public sealed class PeerDirectoryTests
{
    private static readonly DeviceTransport[] Direct = [DeviceTransport.DirectTcp("127.0.0.1", 9)];

    [Fact]
    public void The_bound_key_is_the_identity_key_the_device_signed()
    {
        using DeviceKeys keys = DeviceKeys.Generate(new SeededRandomSource(70), 0, 0);

        byte[]? bound = PeerDirectory.BoundStaticKey(keys.IssueRecord(Direct, 1));

        Assert.Equal(keys.Prekeys.Published.IdentityDhKey, bound);
    }

    [Fact]
    public void A_key_the_device_did_not_sign_is_not_bound()
    {
        using DeviceKeys keys = DeviceKeys.Generate(new SeededRandomSource(71), 0, 0);
        using var intruder = X25519KeyPair.Generate(new SeededRandomSource(72));
        DevicePrekeys real = keys.Prekeys.Published;
        var forged = new DevicePrekeys(real.Device, intruder.PublicKeyBytes, real.IdentityDhKeySignature, real.SignedPrekey,
            real.LastResortPqPrekey, real.OneTimePqPrekeys, real.OneTimePrekeys);

        Assert.Null(PeerDirectory.BoundStaticKey(keys.IssueRecord(Direct, 1).WithPrekeys(forged)));
    }

    [Fact]
    public void Another_devices_prekeys_or_none_bind_no_key()
    {
        using DeviceKeys keys = DeviceKeys.Generate(new SeededRandomSource(73), 0, 0);
        using DeviceKeys other = DeviceKeys.Generate(new SeededRandomSource(74), 0, 0);
        DeviceRecord record = keys.IssueRecord(Direct, 1);

        Assert.Null(PeerDirectory.BoundStaticKey(record.WithPrekeys(other.Prekeys.Published)));
        Assert.Null(PeerDirectory.BoundStaticKey(record.WithoutPrekeys()));
    }
}
