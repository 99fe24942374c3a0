using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Protocol.Noise;

namespace Kith.Protocol.Tests.Noise;

public class TransportTests
{
    private static (NoiseHarness Harness, NoiseTransport Initiator, NoiseTransport Responder) Connected(ulong seed = 21)
    {
        var harness = new NoiseHarness(HandshakePattern.XX, seed);
        (NoiseTransport initiator, NoiseTransport responder) = harness.Complete();
        return (harness, initiator, responder);
    }

    [Fact]
    public void Every_single_bit_flip_of_a_transport_message_is_rejected_and_the_receive_nonce_does_not_advance()
    {
        (NoiseHarness harness, NoiseTransport sender, NoiseTransport receiver) = Connected();
        using (harness)
        {
            Assert.Equal("warm-up"u8.ToArray(), receiver.Decrypt(sender.Encrypt("warm-up"u8).Value).Value);
            byte[] genuine = sender.Encrypt("a transport message"u8).Value;
            for (int bit = 0; bit < genuine.Length * 8; bit++)
            {
                byte[] tampered = (byte[])genuine.Clone();
                tampered[bit / 8] ^= (byte)(1 << (bit % 8));
                Result<byte[]> result = receiver.Decrypt(tampered);
                Assert.Equal(NoiseErrors.BadTagCode, result.Error?.Code);
                Assert.Equal(ErrorScope.Input, result.Error?.Scope);
                Assert.Equal(1UL, receiver.ReceiveNonce);
            }

            Assert.Equal("a transport message"u8.ToArray(), receiver.Decrypt(genuine).Value);
        }
    }

    [Fact]
    public void Every_truncation_of_a_transport_message_is_rejected_and_the_receive_nonce_does_not_advance()
    {
        (NoiseHarness harness, NoiseTransport sender, NoiseTransport receiver) = Connected();
        using (harness)
        {
            byte[] genuine = receiver.Encrypt("to the initiator"u8).Value;
            for (int length = 0; length < genuine.Length; length++)
            {
                string? code = sender.Decrypt(genuine.AsSpan(0, length)).Error?.Code;
                Assert.Equal(length < CipherState.TagSize ? NoiseErrors.TruncatedCode : NoiseErrors.BadTagCode, code);
                Assert.Equal(0UL, sender.ReceiveNonce);
            }

            Assert.Equal(NoiseErrors.BadTagCode, sender.Decrypt([.. genuine, 0]).Error?.Code);
            Assert.Equal("to the initiator"u8.ToArray(), sender.Decrypt(genuine).Value);
        }
    }

    [Fact]
    public void Replayed_and_reordered_transport_messages_are_rejected()
    {
        (NoiseHarness harness, NoiseTransport sender, NoiseTransport receiver) = Connected();
        using (harness)
        {
            byte[] first = sender.Encrypt("1"u8).Value;
            byte[] second = sender.Encrypt("2"u8).Value;
            Assert.Equal(NoiseErrors.BadTagCode, receiver.Decrypt(second).Error?.Code);
            Assert.True(receiver.Decrypt(first).IsOk);
            Assert.Equal(NoiseErrors.BadTagCode, receiver.Decrypt(first).Error?.Code);
            Assert.True(receiver.Decrypt(second).IsOk);
        }
    }

    [Fact]
    public void Transport_enforces_the_65535_byte_message_limit_both_ways()
    {
        (NoiseHarness harness, NoiseTransport sender, NoiseTransport receiver) = Connected();
        using (harness)
        {
            Assert.Equal(NoiseErrors.OversizedCode, sender.Encrypt(new byte[Limits.NoiseMaxTransportPayloadLength + 1]).Error?.Code);
            Assert.Equal(0UL, sender.SendNonce);
            byte[] largest = sender.Encrypt(new byte[Limits.NoiseMaxTransportPayloadLength]).Value;
            Assert.Equal(Limits.NoiseMaxMessageLength, largest.Length);
            Assert.Equal(NoiseErrors.OversizedCode, receiver.Decrypt(new byte[Limits.NoiseMaxMessageLength + 1]).Error?.Code);
            Assert.Equal(Limits.NoiseMaxTransportPayloadLength, receiver.Decrypt(largest).Value.Length);
        }
    }

    [Fact]
    public void Rekey_on_both_sides_gives_matching_keys_in_each_direction()
    {
        (NoiseHarness harness, NoiseTransport initiator, NoiseTransport responder) = Connected();
        using (harness)
        {
            Assert.True(responder.Decrypt(initiator.Encrypt("before"u8).Value).IsOk);
            initiator.RekeySend();
            responder.RekeyReceive();
            Assert.Equal("after"u8.ToArray(), responder.Decrypt(initiator.Encrypt("after"u8).Value).Value);

            responder.RekeySend();
            initiator.RekeyReceive();
            Assert.Equal("back"u8.ToArray(), initiator.Decrypt(responder.Encrypt("back"u8).Value).Value);
            Assert.Equal(2UL, initiator.SendNonce); // §11.3: rekeying leaves n alone
        }
    }

    [Fact]
    public void After_rekey_a_ciphertext_under_the_old_key_no_longer_decrypts_and_a_one_sided_rekey_breaks_the_link()
    {
        (NoiseHarness harness, NoiseTransport initiator, NoiseTransport responder) = Connected();
        using (harness)
        {
            byte[] old = initiator.Encrypt("sealed under the old key"u8).Value;
            responder.RekeyReceive();
            Assert.Equal(NoiseErrors.BadTagCode, responder.Decrypt(old).Error?.Code);
            Assert.Equal(0UL, responder.ReceiveNonce);

            byte[] fromResponder = responder.Encrypt("x"u8).Value;
            initiator.RekeyReceive();
            Assert.Equal(NoiseErrors.BadTagCode, initiator.Decrypt(fromResponder).Error?.Code);
        }
    }

    [Fact]
    public void One_way_patterns_send_only_from_the_initiator()
    {
        Assert.True(HandshakePattern.TryGet("N", out HandshakePattern? pattern));
        var random = new Kith.Crypto.SeededRandomSource(5);
        using var responderKey = Kith.Crypto.X25519KeyPair.Generate(random);
        using HandshakeState initiator = HandshakeState.Initialize(pattern, NoiseRole.Initiator, [], random, remoteStatic: responderKey.PublicKey);
        using HandshakeState responder = HandshakeState.Initialize(pattern, NoiseRole.Responder, [], random, responderKey);
        HandshakeWriteResult written = initiator.WriteMessage("hi"u8).Value;
        HandshakeReadResult read = responder.ReadMessage(written.Message).Value;
        Assert.True(written.IsComplete && read.IsComplete);
        Assert.True(written.Transport.CanSend && !written.Transport.CanReceive);
        Assert.True(read.Transport.CanReceive && !read.Transport.CanSend);
        Assert.Equal(NoiseErrors.WrongStateCode, read.Transport.Encrypt("no"u8).Error?.Code);
        Assert.Equal(NoiseErrors.WrongStateCode, written.Transport.Decrypt(new byte[20]).Error?.Code);
        Assert.Equal("one way"u8.ToArray(), read.Transport.Decrypt(written.Transport.Encrypt("one way"u8).Value).Value);
    }

    [Fact]
    public void Disposed_transport_refuses_use()
    {
        (NoiseHarness harness, NoiseTransport initiator, NoiseTransport _) = Connected();
        using (harness)
        {
            initiator.Dispose();
            Assert.Throws<ObjectDisposedException>(() => initiator.Encrypt("x"u8));
        }
    }
}
