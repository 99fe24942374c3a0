using CsCheck;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Transport.Handshake;
using Kith.Transport.Tests.Support;

namespace Kith.Transport.Tests.Handshake;

/// <summary>The handshake identity payload (libp2p Noise spec, "The libp2p Handshake Payload", Kith label): format and proof.</summary>
public sealed class LinkIdentityTests : IDisposable
{
    private readonly TestPeer _alice = new(1);
    private readonly TestPeer _mallory = new(3);

    public void Dispose()
    {
        _alice.Dispose();
        _mallory.Dispose();
    }

    [Fact]
    public void A_valid_payload_proves_the_device_that_signed_the_static_key()
    {
        byte[] payload = _alice.Keys.Identity.Encode();

        Assert.Equal(LinkIdentity.Size, payload.Length);
        Assert.Equal(LinkIdentity.Version, payload[0]);
        Assert.Equal(_alice.Id, LinkIdentity.Verify(payload, _alice.Static.PublicKey).Value);
    }

    [Fact]
    public void The_signature_covers_the_Kith_label_and_the_static_key()
    {
        Assert.Equal("kith-link-static-key:"u8.ToArray(), LinkIdentity.Label.ToArray());
        Assert.Equal([.. "kith-link-static-key:"u8, .. _alice.Static.PublicKey], LinkIdentity.SignedPayload(_alice.Static.PublicKey));
    }

    [Fact]
    public void A_payload_for_another_static_key_is_refused()
    {
        // Alice's genuine payload replayed by Mallory over Mallory's own Noise key.
        byte[] payload = _alice.Keys.Identity.Encode();

        Assert.Equal(TransportErrors.UnprovenIdentity, LinkIdentity.Verify(payload, _mallory.Static.PublicKey).Error);
    }

    [Fact]
    public void A_payload_naming_a_device_that_did_not_sign_is_refused()
    {
        // Mallory signs her own static key but names Alice's device.
        byte[] payload = _mallory.Sign(_mallory.Static.PublicKey).Encode();
        _alice.Id.Span.CopyTo(payload.AsSpan(1));

        Assert.Equal(TransportErrors.UnprovenIdentity, LinkIdentity.Verify(payload, _mallory.Static.PublicKey).Error);
    }

    [Fact]
    public void A_flipped_signature_bit_is_refused()
    {
        byte[] payload = _alice.Keys.Identity.Encode();
        payload[^1] ^= 0x01;

        Assert.Equal(TransportErrors.UnprovenIdentity, LinkIdentity.Verify(payload, _alice.Static.PublicKey).Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(LinkIdentity.Size - 1)]
    public void A_truncated_payload_is_malformed(int length)
    {
        byte[] payload = _alice.Keys.Identity.Encode()[..length];

        Assert.Equal(TransportErrors.MalformedIdentity, LinkIdentity.Verify(payload, _alice.Static.PublicKey).Error);
    }

    [Fact]
    public void An_oversized_payload_is_malformed()
    {
        byte[] payload = [.. _alice.Keys.Identity.Encode(), 0];

        Assert.Equal(TransportErrors.MalformedIdentity, LinkIdentity.Verify(payload, _alice.Static.PublicKey).Error);
    }

    [Fact]
    public void Another_version_is_refused_as_unknown()
    {
        byte[] payload = _alice.Keys.Identity.Encode();
        payload[0] = LinkIdentity.Version + 1;

        Assert.Equal(TransportErrors.UnknownIdentityVersion, LinkIdentity.Verify(payload, _alice.Static.PublicKey).Error);
    }

    [Fact]
    public void Decoding_arbitrary_bytes_against_any_key_never_throws()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            Result<DeviceId> verified = LinkIdentity.Verify(bytes, _alice.Static.PublicKey);
            return !verified.IsOk;
        });
    }
}
