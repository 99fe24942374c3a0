using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Pqxdh;
using Kith.Protocol.Prekeys;
using Kith.Wire.Prekeys;

namespace Kith.Protocol.Tests.Pqxdh;

public class PrekeyBundleTests
{
    /// <summary>Curve25519 points of small order (RFC 7748 §6.1 "all-zero output"): 0, 1 and a point of order 8.</summary>
    public static TheoryData<string> LowOrderPoints => new()
    {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
    };

    [Fact]
    public void Select_uses_one_time_keys_only_when_named_and_otherwise_the_last_resort_PQ_key()
    {
        using var bob = TestDevice.Create(30, oneTimeCount: 1, oneTimePqCount: 1);
        using var empty = TestDevice.Create(31, oneTimeCount: 0, oneTimePqCount: 0);

        PrekeyBundle full = PrekeyBundle.Select(bob.Device, bob.Published,
            bob.Published.OneTimePrekeys[0].Id, bob.Published.OneTimePqPrekeys[0].Id).Value;
        PrekeyBundle bare = PrekeyBundle.Select(empty.Device, empty.Published).Value;
        // Published keys reach several initiators: unnamed, no one-time key is taken, so none is handed out twice.
        PrekeyBundle unnamed = PrekeyBundle.Select(bob.Device, bob.Published).Value;

        Assert.Null(unnamed.OneTimePrekey);
        Assert.True(unnamed.PqPrekey.IsLastResort);

        Assert.Equal(bob.Published.OneTimePqPrekeys[0], full.PqPrekey);
        Assert.Equal(bob.Published.OneTimePrekeys[0], full.OneTimePrekey);
        Assert.Equal(empty.Published.LastResortPqPrekey, bare.PqPrekey);
        Assert.True(bare.PqPrekey.IsLastResort);
        Assert.Null(bare.OneTimePrekey);
        Assert.Equal(bob.Published.IdentityDhKey, full.IdentityDhKey);
        Assert.Equal(bob.Published.SignedPrekey, full.SignedPrekey);
    }

    [Fact]
    public void Select_refuses_ids_the_device_does_not_publish()
    {
        using var bob = TestDevice.Create(32);
        Assert.Equal(PqxdhErrors.PrekeyNotPublished, PrekeyBundle.Select(bob.Device, bob.Published, 999, null).Error);
        Assert.Equal(PqxdhErrors.PrekeyNotPublished, PrekeyBundle.Select(bob.Device, bob.Published, null, 999).Error);
        // The last-resort key is not a one-time key: it is chosen by passing null.
        Assert.Equal(PqxdhErrors.PrekeyNotPublished,
            PrekeyBundle.Select(bob.Device, bob.Published, null, bob.Published.LastResortPqPrekey.Id).Error);
    }

    [Fact]
    public void Prekeys_of_another_device_than_the_expected_one_are_refused()
    {
        using var bob = TestDevice.Create(33);
        using var mallory = TestDevice.Create(34);
        Assert.Equal(PqxdhErrors.WrongDevice, PrekeyBundle.Select(bob.Device, mallory.Published).Error);
    }

    [Fact]
    public void Prekeys_claiming_a_device_that_did_not_sign_them_are_refused()
    {
        using var bob = TestDevice.Create(35);
        using var mallory = TestDevice.Create(36);
        DevicePrekeys m = mallory.Published;
        var forged = new DevicePrekeys(bob.Device, m.IdentityDhKey, m.IdentityDhKeySignature, m.SignedPrekey,
            m.LastResortPqPrekey, m.OneTimePqPrekeys, m.OneTimePrekeys);
        Assert.Equal(PrekeyErrors.BadSignature, PrekeyBundle.Select(bob.Device, forged).Error);
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("identity-signature")]
    [InlineData("signed-prekey")]
    [InlineData("signed-prekey-id")]
    [InlineData("last-resort")]
    [InlineData("last-resort-flag")]
    [InlineData("one-time-pq")]
    public void A_bundle_with_any_bad_signature_is_refused_before_any_key_is_used(string part)
    {
        using var bob = TestDevice.Create(37);
        DevicePrekeys p = bob.Published;
        byte[] identity = (byte[])p.IdentityDhKey.Clone();
        byte[] identitySignature = (byte[])p.IdentityDhKeySignature.Clone();
        SignedPrekey signed = p.SignedPrekey;
        PqPrekey lastResort = p.LastResortPqPrekey;
        List<PqPrekey> oneTimePq = [.. p.OneTimePqPrekeys];
        switch (part)
        {
            case "identity": identity[3] ^= 1; break;
            case "identity-signature": identitySignature[10] ^= 1; break;
            case "signed-prekey": signed = signed with { PublicKey = Flip(signed.PublicKey, 5) }; break;
            case "signed-prekey-id": signed = signed with { Id = signed.Id + 1 }; break;
            case "last-resort": lastResort = lastResort with { PublicKey = Flip(lastResort.PublicKey, 700) }; break;
            case "last-resort-flag": oneTimePq[0] = oneTimePq[0] with { IsLastResort = true }; break;
            case "one-time-pq": oneTimePq[0] = oneTimePq[0] with { Signature = Flip(oneTimePq[0].Signature, 40) }; break;
        }

        var forged = new DevicePrekeys(p.Device, identity, identitySignature, signed, lastResort, oneTimePq, p.OneTimePrekeys);
        Result<PrekeyBundle> result = PrekeyBundle.Select(bob.Device, forged);

        // No bundle means PqxdhInitiator.Initiate cannot run: no DH happens with a forged key.
        Assert.Equal(PrekeyErrors.BadSignature, result.Error);
    }

    [Theory]
    [MemberData(nameof(LowOrderPoints))]
    public void A_validly_signed_low_order_signed_prekey_identity_key_or_one_time_key_is_refused(string point)
    {
        using var alice = TestDevice.Create(38);
        using var bob = TestDevice.Create(39);
        byte[] bad = Convert.FromHexString(point);
        DevicePrekeys p = bob.Published;
        var signed = new SignedPrekey(p.SignedPrekey.Id, bad, bob.Identity.Sign(PrekeySignatures.SignedPrekeyPayload(p.SignedPrekey.Id, bad)));
        var badSigned = new DevicePrekeys(p.Device, p.IdentityDhKey, p.IdentityDhKeySignature, signed, p.LastResortPqPrekey, p.OneTimePqPrekeys, p.OneTimePrekeys);
        var badIdentity = new DevicePrekeys(p.Device, bad, bob.Identity.Sign(PrekeySignatures.IdentityDhKeyPayload(bad)), p.SignedPrekey,
            p.LastResortPqPrekey, p.OneTimePqPrekeys, p.OneTimePrekeys);
        var badOneTime = new DevicePrekeys(p.Device, p.IdentityDhKey, p.IdentityDhKeySignature, p.SignedPrekey, p.LastResortPqPrekey,
            p.OneTimePqPrekeys, [new OneTimePrekey(7, bad)]);

        foreach (DevicePrekeys published in new[] { badSigned, badIdentity, badOneTime })
        {
            PrekeyBundle bundle = PrekeyBundle.Select(bob.Device, published, published.OneTimePrekeys[0].Id, null).Value;
            Assert.Equal(PqxdhErrors.LowOrderPrekey, PqxdhInitiator.Initiate(alice.Secrets, bundle, new SeededRandomSource(40)).Error);
        }
    }

    [Fact]
    public void A_validly_signed_but_invalid_ML_KEM_key_is_refused()
    {
        using var alice = TestDevice.Create(41);
        using var bob = TestDevice.Create(42, oneTimePqCount: 0);
        // Every 12-bit coefficient 0xFFF is above q = 3329: FIPS 203 §7.2's modulus check fails.
        byte[] bad = Enumerable.Repeat((byte)0xFF, MlKem1024.PublicKeySize).ToArray();
        DevicePrekeys p = bob.Published;
        var lastResort = new PqPrekey(p.LastResortPqPrekey.Id, bad, bob.Identity.Sign(PrekeySignatures.PqPrekeyPayload(p.LastResortPqPrekey.Id, true, bad)), true);
        var published = new DevicePrekeys(p.Device, p.IdentityDhKey, p.IdentityDhKeySignature, p.SignedPrekey, lastResort, p.OneTimePqPrekeys, p.OneTimePrekeys);

        PrekeyBundle bundle = PrekeyBundle.Select(bob.Device, published).Value;
        Assert.Equal(PqxdhErrors.BadKemPrekey, PqxdhInitiator.Initiate(alice.Secrets, bundle, new SeededRandomSource(43)).Error);
    }

    private static byte[] Flip(byte[] value, int index)
    {
        byte[] copy = (byte[])value.Clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
