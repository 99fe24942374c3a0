using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Pqxdh;
using Kith.Protocol.Prekeys;
using Kith.Wire.Pqxdh;

namespace Kith.Protocol.Tests.Pqxdh;

public class PqxdhResponderTests
{
    [Fact]
    public void Respond_changes_no_state_and_commit_deletes_exactly_the_used_one_time_keys()
    {
        using var alice = TestDevice.Create(50);
        using var bob = TestDevice.Create(51, oneTimeCount: 2, oneTimePqCount: 2);
        using PqxdhInitiation initiation = Initiate(alice, bob.Bundle(), 52);
        string before = bob.StateFingerprint();

        using PqxdhResponse first = PqxdhResponder.Respond(bob.Secrets, initiation.Header).Value;
        using PqxdhResponse again = PqxdhResponder.Respond(bob.Secrets, initiation.Header).Value;
        Assert.Equal(before, bob.StateFingerprint());
        Assert.True(again.SharedKey.FixedTimeEquals(first.SharedKey.Span));

        first.CommitConsumedPrekeys(bob.Secrets);
        first.CommitConsumedPrekeys(bob.Secrets);

        Assert.Null(bob.Secrets.FindOneTime(bob.Published.OneTimePrekeys[0].Id));
        Assert.Null(bob.Secrets.FindPq(bob.Published.OneTimePqPrekeys[0].Id));
        Assert.NotNull(bob.Secrets.FindOneTime(bob.Published.OneTimePrekeys[1].Id));
        Assert.NotNull(bob.Secrets.FindPq(bob.Published.OneTimePqPrekeys[1].Id));
        Assert.NotNull(bob.Secrets.FindPq(bob.Published.LastResortPqPrekey.Id));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Replaying_an_initial_message_whose_one_time_key_was_consumed_fails(bool oneTime, bool oneTimePq)
    {
        using var alice = TestDevice.Create(53);
        using var bob = TestDevice.Create(54);
        using PqxdhInitiation initiation = Initiate(alice, bob.Bundle(oneTime, oneTimePq), 55);
        PqxdhResponder.Respond(bob.Secrets, initiation.Header).Value.CommitConsumedPrekeys(bob.Secrets);
        string after = bob.StateFingerprint();

        Assert.Equal(PqxdhErrors.UnknownPrekey, PqxdhResponder.Respond(bob.Secrets, initiation.Header).Error);
        Assert.Equal(after, bob.StateFingerprint());
    }

    [Fact]
    public void The_last_resort_PQ_key_serves_many_sessions()
    {
        using var alice = TestDevice.Create(56);
        using var carol = TestDevice.Create(57);
        using var bob = TestDevice.Create(58, oneTimeCount: 0, oneTimePqCount: 0);

        foreach ((TestDevice initiator, ulong seed) in new[] { (alice, 59UL), (carol, 60UL), (alice, 61UL) })
        {
            using PqxdhInitiation initiation = Initiate(initiator, PrekeyBundle.Select(bob.Device, bob.Published).Value, seed);
            Assert.Equal(bob.Published.LastResortPqPrekey.Id, initiation.Header.PqPrekeyId);
            using PqxdhResponse response = PqxdhResponder.Respond(bob.Secrets, initiation.Header).Value;
            Assert.True(response.SharedKey.FixedTimeEquals(initiation.SharedKey.Span));
            Assert.Null(response.ConsumedOneTimePqPrekeyId);
            response.CommitConsumedPrekeys(bob.Secrets);
        }

        Assert.NotNull(bob.Secrets.FindPq(bob.Published.LastResortPqPrekey.Id));
    }

    [Theory]
    [InlineData("signed")]
    [InlineData("pq")]
    [InlineData("one-time")]
    [InlineData("one-time-added")]
    public void Unknown_prekey_ids_are_an_error(string which)
    {
        using var alice = TestDevice.Create(62);
        using var bob = TestDevice.Create(63);
        using PqxdhInitiation initiation = Initiate(alice, bob.Bundle(oneTime: which != "one-time-added"), 64);
        PqxdhInitialHeader h = initiation.Header;
        PqxdhInitialHeader changed = which switch
        {
            "signed" => Copy(h, signedPrekeyId: h.SignedPrekeyId + 1),
            "pq" => Copy(h, pqPrekeyId: 77),
            "one-time" => Copy(h, oneTimePrekeyId: 77),
            _ => Copy(h, oneTimePrekeyId: 77),
        };
        string before = bob.StateFingerprint();

        Assert.Equal(PqxdhErrors.UnknownPrekey, PqxdhResponder.Respond(bob.Secrets, changed).Error);
        Assert.Equal(before, bob.StateFingerprint());
    }

    [Fact]
    public void An_identity_key_not_signed_by_the_named_device_is_refused()
    {
        using var alice = TestDevice.Create(65);
        using var mallory = TestDevice.Create(66);
        using var bob = TestDevice.Create(67);
        using PqxdhInitiation initiation = Initiate(mallory, bob.Bundle(), 68);

        // Mallory claims to be Alice's device but cannot sign her own IK with Alice's key.
        PqxdhInitialHeader impersonation = Copy(initiation.Header, device: alice.Device);
        Assert.Equal(PqxdhErrors.BadInitiatorSignature, PqxdhResponder.Respond(bob.Secrets, impersonation).Error);
        // Nor can she borrow Alice's IK: the signature is Alice's, but Mallory lacks IK_A's private key, and
        // the derived SK then differs from hers.
        PqxdhInitialHeader borrowed = Copy(initiation.Header, device: alice.Device, identity: alice.Published.IdentityDhKey,
            signature: alice.Published.IdentityDhKeySignature);
        using PqxdhResponse response = PqxdhResponder.Respond(bob.Secrets, borrowed).Value;
        Assert.False(response.SharedKey.FixedTimeEquals(initiation.SharedKey.Span));
    }

    [Theory]
    [MemberData(nameof(PrekeyBundleTests.LowOrderPoints), MemberType = typeof(PrekeyBundleTests))]
    public void A_low_order_ephemeral_or_identity_key_in_the_message_is_refused(string point)
    {
        using var alice = TestDevice.Create(69);
        using var bob = TestDevice.Create(70);
        using PqxdhInitiation initiation = Initiate(alice, bob.Bundle(), 71);
        byte[] bad = Convert.FromHexString(point);
        string before = bob.StateFingerprint();

        Assert.Equal(PqxdhErrors.LowOrderKey, PqxdhResponder.Respond(bob.Secrets, Copy(initiation.Header, ephemeral: bad)).Error);
        PqxdhInitialHeader badIdentity = Copy(initiation.Header, identity: bad, signature: alice.Identity.Sign(PrekeySignatures.IdentityDhKeyPayload(bad)));
        Assert.Equal(PqxdhErrors.LowOrderKey, PqxdhResponder.Respond(bob.Secrets, badIdentity).Error);
        Assert.Equal(before, bob.StateFingerprint());
    }

    [Fact]
    public void Committing_into_another_devices_secrets_is_a_caller_bug()
    {
        using var alice = TestDevice.Create(72);
        using var bob = TestDevice.Create(73);
        using PqxdhInitiation initiation = Initiate(alice, bob.Bundle(), 74);
        using PqxdhResponse response = PqxdhResponder.Respond(bob.Secrets, initiation.Header).Value;
        Assert.Throws<ArgumentException>(() => response.CommitConsumedPrekeys(alice.Secrets));
    }

    internal static PqxdhInitiation Initiate(TestDevice initiator, PrekeyBundle bundle, ulong seed) =>
        PqxdhInitiator.Initiate(initiator.Secrets, bundle, new SeededRandomSource(seed)).Value;

    private static PqxdhInitialHeader Copy(PqxdhInitialHeader h, DeviceId? device = null, byte[]? identity = null, byte[]? signature = null,
        byte[]? ephemeral = null, uint? signedPrekeyId = null, uint? pqPrekeyId = null, uint? oneTimePrekeyId = null) =>
        new(device ?? h.InitiatorDevice, identity ?? h.IdentityDhKey, signature ?? h.IdentityDhKeySignature, ephemeral ?? h.EphemeralKey,
            signedPrekeyId ?? h.SignedPrekeyId, pqPrekeyId ?? h.PqPrekeyId, oneTimePrekeyId ?? h.OneTimePrekeyId, h.KemCiphertext);
}
