using Kith.Crypto;
using Kith.Protocol.Ratchet;
using Kith.Wire.Ratchet;

namespace Kith.Protocol.Tests.Ratchet;

/// <summary>A peer that knows the header keys (the other party, or anyone holding its state) sends headers an honest sender never would.</summary>
public class RatchetForgeryTests
{
    [Fact]
    public void A_low_order_ratchet_key_is_rejected_and_changes_nothing()
    {
        using var pair = RatchetPair.Create(600);
        RatchetPair.Open(pair.Bob, pair.AliceSends("a0"));
        RatchetPair.Open(pair.Alice, pair.BobSends("b0"));
        RatchetPair.Open(pair.Bob, pair.AliceSends("a1"));
        byte[] forged = Forge(pair.Bob.State.NextReceivingHeaderKey, new byte[32], 0, 0, pair.Random);
        AssertRejected(pair.Bob, forged, RatchetErrors.UnexpectedRatchetStep);
        RatchetPair.Open(pair.Alice, pair.BobSends("b1"));
        forged = Forge(pair.Alice.State.NextReceivingHeaderKey, new byte[32], 0, 0, pair.Random);
        AssertRejected(pair.Alice, forged, RatchetErrors.UnexpectedRatchetStep);
        RatchetPair.Open(pair.Bob, pair.AliceSends("a2"));
        pair.BobSends("b2 completes Bob's ratchet step");
        forged = Forge(pair.Bob.State.NextReceivingHeaderKey, new byte[32], 0, 0, pair.Random);
        AssertRejected(pair.Bob, forged, RatchetErrors.BadRatchetKey);
    }

    [Fact]
    public void A_second_ratchet_step_before_ours_was_sent_is_rejected_and_changes_nothing()
    {
        using var pair = RatchetPair.Create(601);
        RatchetPair.Open(pair.Bob, pair.AliceSends("a0"));
        using var stranger = X25519KeyPair.Generate(pair.Random);
        byte[] forged = Forge(pair.Bob.State.NextReceivingHeaderKey, stranger.PublicKey, 1, 0, pair.Random);
        AssertRejected(pair.Bob, forged, RatchetErrors.UnexpectedRatchetStep);
    }

    [Fact]
    public void A_changed_ratchet_key_within_a_chain_is_rejected_and_changes_nothing()
    {
        using var pair = RatchetPair.Create(602);
        RatchetPair.Open(pair.Bob, pair.AliceSends("a0"));
        using var stranger = X25519KeyPair.Generate(pair.Random);
        byte[] forged = Forge(pair.Bob.State.ReceivingHeaderKey, stranger.PublicKey, 0, 1, pair.Random);
        AssertRejected(pair.Bob, forged, RatchetErrors.BadHeader);
    }

    [Fact]
    public void A_header_under_an_unknown_key_is_rejected_and_changes_nothing()
    {
        using var pair = RatchetPair.Create(603);
        byte[] forged = Forge(new byte[32], pair.Bob.State.SendingRatchetPublicKey, 0, 0, pair.Random);
        AssertRejected(pair.Bob, forged, RatchetErrors.UndecryptableHeader);
    }

    [Fact]
    public void A_counter_at_its_maximum_is_rejected_and_changes_nothing()
    {
        using var pair = RatchetPair.Create(604);
        RatchetPair.Open(pair.Bob, pair.AliceSends("a0"));
        byte[] forged = Forge(pair.Bob.State.ReceivingHeaderKey, pair.Bob.State.ReceivingRatchetPublicKey, 0, uint.MaxValue, pair.Random);
        AssertRejected(pair.Bob, forged, RatchetErrors.BadHeader);
    }

    private static void AssertRejected(RatchetSession receiver, byte[] message, Kith.Primitives.Errors.KithError expected)
    {
        byte[] before = receiver.Serialize();
        Assert.Equal(expected, receiver.Decrypt(message).Error);
        Assert.Equal(before, receiver.Serialize());
    }

    /// <summary>A message whose header is sealed under <paramref name="headerKey"/>; the body is sealed under a random key.</summary>
    private static byte[] Forge(ReadOnlySpan<byte> headerKey, ReadOnlySpan<byte> ratchetKey, uint previous, uint number, IRandomSource random)
    {
        byte[] message = new byte[RatchetSession.GetMessageLength(4)];
        RatchetMessage.Layout(message, 4, out Span<byte> nonce, out Span<byte> encryptedHeader, out Span<byte> body);
        random.Fill(nonce);
        byte[] header = new byte[RatchetHeader.Size];
        new RatchetHeader(ratchetKey, previous, number).Encode(header);
        RatchetCiphers.SealHeader(headerKey, nonce, header, encryptedHeader);
        byte[] messageKey = new byte[32];
        random.Fill(messageKey);
        RatchetCiphers.SealBody(messageKey, [], message.AsSpan(0, RatchetMessage.PrefixSize), "evil"u8, body);
        return message;
    }
}
