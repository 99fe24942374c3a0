using CsCheck;
using Kith.Crypto;
using Kith.Protocol.Pqxdh;
using Kith.Wire.Pqxdh;

namespace Kith.Protocol.Tests.Pqxdh;

public class PqxdhAgreementTests
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Initiator_and_responder_derive_the_same_SK_and_AD(bool oneTime, bool oneTimePq)
    {
        using var alice = TestDevice.Create(1);
        using var bob = TestDevice.Create(2);

        using PqxdhInitiation initiation = PqxdhInitiator.Initiate(alice.Secrets, bob.Bundle(oneTime, oneTimePq), new SeededRandomSource(3)).Value;
        using PqxdhResponse response = PqxdhResponder.Respond(bob.Secrets, initiation.Header).Value;

        Assert.True(response.SharedKey.FixedTimeEquals(initiation.SharedKey.Span));
        Assert.Equal(32, initiation.SharedKey.Length);
        Assert.Equal(initiation.AssociatedData, response.AssociatedData);
        Assert.Equal(PqxdhParameters.AssociatedDataSize, response.AssociatedData.Length);
        Assert.Equal(alice.Device, response.InitiatorDevice);
        Assert.Equal(bob.Device, initiation.ResponderDevice);
        Assert.Equal(oneTime ? bob.Published.OneTimePrekeys[0].Id : null, response.ConsumedOneTimePrekeyId);
        Assert.Equal(oneTimePq ? bob.Published.OneTimePqPrekeys[0].Id : null, response.ConsumedOneTimePqPrekeyId);
    }

    [Fact]
    public void Any_two_devices_agree_whatever_the_keys_and_prekey_choice()
    {
        // CsCheck prints the seed of a failing sample so it can be replayed.
        Gen.Select(Gen.ULong, Gen.ULong, Gen.Int[0, 3], Gen.Int[0, 3]).Sample((aliceSeed, bobSeed, oneTime, oneTimePq) =>
        {
            using var alice = TestDevice.Create(aliceSeed, oneTimeCount: 0, oneTimePqCount: 0);
            using var bob = TestDevice.Create(bobSeed ^ 0x5A5A, oneTimeCount: 2, oneTimePqCount: 2);
            var bundle = PrekeyBundle.Select(bob.Device, bob.Published,
                oneTime < 2 ? bob.Published.OneTimePrekeys[oneTime].Id : null,
                oneTimePq < 2 ? bob.Published.OneTimePqPrekeys[oneTimePq].Id : null).Value;
            using PqxdhInitiation initiation = PqxdhInitiator.Initiate(alice.Secrets, bundle, new SeededRandomSource(aliceSeed ^ (bobSeed >> 1))).Value;
            using PqxdhResponse response = PqxdhResponder.Respond(bob.Secrets, PqxdhInitialMessage.Decode(initiation.CreateMessage([]).ToBytes()).Value.Header).Value;
            Assert.True(response.SharedKey.FixedTimeEquals(initiation.SharedKey.Span));
            Assert.Equal(initiation.AssociatedData, response.AssociatedData);
        }, iter: 12, threads: 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SK_and_AD_follow_the_spec_formulas_recomputed_from_the_responders_private_keys(bool oneTime)
    {
        using var alice = TestDevice.Create(4);
        using var bob = TestDevice.Create(5);
        using PqxdhInitiation initiation = PqxdhInitiator.Initiate(alice.Secrets, bob.Bundle(oneTime), new SeededRandomSource(6)).Value;
        PqxdhInitialHeader header = initiation.Header;

        // PQXDH §3.4 from Bob's side, written out independently of the implementation.
        var keyMaterial = new List<byte>(Enumerable.Repeat((byte)0xFF, 32));
        keyMaterial.AddRange(Agree(bob.Secrets.SignedPrekeyPrivateKey.Span, header.IdentityDhKey));
        keyMaterial.AddRange(Agree(bob.Secrets.IdentityDhPrivateKey.Span, header.EphemeralKey));
        keyMaterial.AddRange(Agree(bob.Secrets.SignedPrekeyPrivateKey.Span, header.EphemeralKey));
        if (oneTime)
        {
            keyMaterial.AddRange(Agree(bob.Secrets.FindOneTime(header.OneTimePrekeyId!.Value)!.Span, header.EphemeralKey));
        }

        byte[] kemSecret = new byte[32];
        Assert.True(MlKem1024.TryDecapsulate(bob.Secrets.FindPq(header.PqPrekeyId)!.Span, header.KemCiphertext, kemSecret));
        keyMaterial.AddRange(kemSecret);
        byte[] expected = new byte[32];
        HkdfSha256.DeriveKey(keyMaterial.ToArray(), new byte[32], "KithPQXDH_CURVE25519_SHA-256_ML-KEM-1024"u8, expected);

        Assert.True(initiation.SharedKey.FixedTimeEquals(expected));
        byte[] expectedAd = [0x05, .. alice.Published.IdentityDhKey, 0x05, .. bob.Published.IdentityDhKey,
            .. alice.Device.Span, .. bob.Device.Span];
        Assert.Equal(expectedAd, initiation.AssociatedData);
    }

    [Fact]
    public void Every_different_input_gives_a_different_SK_and_identity_changes_give_a_different_AD()
    {
        using var alice = TestDevice.Create(7);
        using var carol = TestDevice.Create(8);
        using var bob = TestDevice.Create(9, oneTimeCount: 2, oneTimePqCount: 2);
        using var dave = TestDevice.Create(10);

        var runs = new List<PqxdhInitiation>
        {
            Initiate(alice, bob.Bundle(), 11),
            Initiate(alice, bob.Bundle(), 12), // fresh EK and KEM randomness
            Initiate(carol, bob.Bundle(), 11), // other initiator
            Initiate(alice, dave.Bundle(), 11), // other responder
            Initiate(alice, bob.Bundle(oneTime: false), 11),
            Initiate(alice, bob.Bundle(oneTimePq: false), 11),
            Initiate(alice, PrekeyBundle.Select(bob.Device, bob.Published, bob.Published.OneTimePrekeys[1].Id, bob.Published.OneTimePqPrekeys[0].Id).Value, 11),
            Initiate(alice, PrekeyBundle.Select(bob.Device, bob.Published, bob.Published.OneTimePrekeys[0].Id, bob.Published.OneTimePqPrekeys[1].Id).Value, 11),
        };

        Assert.Equal(runs.Count, runs.Select(r => Convert.ToHexString(r.SharedKey.Span)).Distinct().Count());
        string[] ads = runs.Select(r => Convert.ToHexString(r.AssociatedData)).ToArray();
        Assert.Equal(ads[0], ads[1]);
        Assert.NotEqual(ads[0], ads[2]);
        Assert.NotEqual(ads[0], ads[3]);
        Assert.NotEqual(ads[2], ads[3]);
        runs.ForEach(r => r.Dispose());
    }

    [Fact]
    public void The_responders_ratchet_key_is_its_signed_prekey_pair()
    {
        using var alice = TestDevice.Create(13);
        using var bob = TestDevice.Create(14);
        using PqxdhInitiation initiation = Initiate(alice, bob.Bundle(), 15);
        using PqxdhResponse response = PqxdhResponder.Respond(bob.Secrets, initiation.Header).Value;

        Assert.Equal(bob.Published.SignedPrekey.PublicKey, initiation.ResponderRatchetKey);
        Assert.Equal(bob.Published.SignedPrekey.PublicKey, response.RatchetKeyPair.PublicKeyBytes);
        Assert.True(response.RatchetKeyPair.PrivateKey.FixedTimeEquals(bob.Secrets.SignedPrekeyPrivateKey.Span));

        response.Dispose();
        Assert.False(bob.Secrets.SignedPrekeyPrivateKey.IsDisposed);
    }

    [Fact]
    public void Outcomes_never_print_the_shared_key()
    {
        using var alice = TestDevice.Create(16);
        using var bob = TestDevice.Create(17);
        using PqxdhInitiation initiation = Initiate(alice, bob.Bundle(), 18);
        using PqxdhResponse response = PqxdhResponder.Respond(bob.Secrets, initiation.Header).Value;
        string key = Convert.ToHexStringLower(initiation.SharedKey.Span);

        foreach (string text in new[] { initiation.ToString(), response.ToString(), initiation.Header.ToString(), $"{initiation.SharedKey}" })
        {
            Assert.DoesNotContain(key, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(Redacted.Text, response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Initiation_erases_its_shared_key_on_dispose()
    {
        using var alice = TestDevice.Create(19);
        using var bob = TestDevice.Create(20);
        PqxdhInitiation initiation = Initiate(alice, bob.Bundle(), 21);
        PqxdhResponse response = PqxdhResponder.Respond(bob.Secrets, initiation.Header).Value;
        initiation.Dispose();
        response.Dispose();

        Assert.True(initiation.SharedKey.IsDisposed);
        Assert.True(response.SharedKey.IsDisposed);
        Assert.True(response.RatchetKeyPair.PrivateKey.IsDisposed);
    }

    private static PqxdhInitiation Initiate(TestDevice initiator, PrekeyBundle bundle, ulong seed) =>
        PqxdhInitiator.Initiate(initiator.Secrets, bundle, new SeededRandomSource(seed)).Value;

    private static byte[] Agree(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey)
    {
        byte[] shared = new byte[32];
        Assert.True(X25519.TryAgree(privateKey, publicKey, shared));
        return shared;
    }
}
