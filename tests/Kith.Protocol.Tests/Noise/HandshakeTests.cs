using Kith.Crypto;
using Kith.Primitives;
using Kith.Protocol.Noise;

namespace Kith.Protocol.Tests.Noise;

public class HandshakeTests
{
    public static TheoryData<string> KithPatterns => new("XX", "IK");

    private static HandshakePattern Pattern(string name) =>
        HandshakePattern.TryGet(name, out HandshakePattern? pattern) ? pattern : throw new ArgumentException(name);

    [Theory]
    [MemberData(nameof(KithPatterns))]
    public void Handshake_with_random_keys_completes_and_both_transports_interoperate(string name)
    {
        for (ulong seed = 1; seed <= 8; seed++)
        {
            using var harness = new NoiseHarness(Pattern(name), seed * 100);
            (NoiseTransport initiator, NoiseTransport responder) = harness.Complete();
            using (initiator)
            using (responder)
            {
                Assert.Equal(initiator.HandshakeHash.ToArray(), responder.HandshakeHash.ToArray());
                Assert.Equal(harness.ResponderStatic.PublicKeyBytes, initiator.RemoteStaticPublicKey.ToArray());
                Assert.Equal(harness.InitiatorStatic.PublicKeyBytes, responder.RemoteStaticPublicKey.ToArray());
                for (int i = 0; i < 5; i++)
                {
                    byte[] toResponder = [.. "hello responder "u8, (byte)i];
                    byte[] toInitiator = [.. "hello initiator "u8, (byte)i];
                    Assert.Equal(toResponder, responder.Decrypt(initiator.Encrypt(toResponder).Value).Value);
                    Assert.Equal(toInitiator, initiator.Decrypt(responder.Encrypt(toInitiator).Value).Value);
                }

                Assert.Equal(5UL, initiator.SendNonce);
                Assert.Equal(5UL, responder.ReceiveNonce);
            }
        }
    }

    [Fact]
    public void Different_runs_give_different_handshake_hashes_and_keys()
    {
        using var first = new NoiseHarness(HandshakePattern.XX, 1);
        using var second = new NoiseHarness(HandshakePattern.XX, 2);
        (NoiseTransport a, NoiseTransport _) = first.Complete();
        (NoiseTransport _, NoiseTransport d) = second.Complete();
        Assert.NotEqual(a.HandshakeHash.ToArray(), d.HandshakeHash.ToArray());
        Assert.Equal(NoiseErrors.BadTagCode, d.Decrypt(a.Encrypt("x"u8).Value).Error?.Code);
    }

    [Fact]
    public void XX_initiator_learns_the_responder_static_key_from_message_two_before_revealing_its_own()
    {
        using var harness = new NoiseHarness(HandshakePattern.XX, 7);
        harness.RunMessages(1);
        Assert.True(harness.Initiator.RemoteStaticPublicKey.IsEmpty);
        HandshakeWriteResult second = harness.Write(1);
        Assert.True(harness.Read(1, second.Message).IsOk);
        Assert.Equal(harness.ResponderStatic.PublicKeyBytes, harness.Initiator.RemoteStaticPublicKey.ToArray());
        Assert.True(harness.Responder.RemoteStaticPublicKey.IsEmpty);
    }

    [Fact]
    public void IK_with_a_wrong_responder_static_key_fails_at_the_responder_and_aborts_it()
    {
        using var impostor = X25519KeyPair.Generate(new SeededRandomSource(99));
        using var harness = new NoiseHarness(HandshakePattern.IK, 3, initiatorKnowsResponderAs: impostor.PublicKeyBytes);
        var result = harness.Read(0, harness.Write(0).Message);
        Assert.Equal(NoiseErrors.BadTagCode, result.Error?.Code);
        Assert.Equal(HandshakeStatus.Aborted, harness.Responder.Status);
        Assert.Equal(NoiseErrors.AbortedCode, harness.Responder.WriteMessage([]).Error?.Code);
    }

    [Fact]
    public void Prologue_mismatch_fails_the_first_authenticated_message()
    {
        using var harness = new NoiseHarness(HandshakePattern.XX, 4, initiatorPrologue: "kith v1"u8.ToArray(), responderPrologue: "kith v2"u8.ToArray());
        harness.RunMessages(1);
        Assert.Equal(NoiseErrors.BadTagCode, harness.Read(1, harness.Write(1).Message).Error?.Code);
    }

    [Fact]
    public void Out_of_turn_calls_are_refused_and_change_nothing()
    {
        using var harness = new NoiseHarness(HandshakePattern.XX, 5);
        Assert.Equal(NoiseErrors.WrongStateCode, harness.Responder.WriteMessage("too early"u8).Error?.Code);
        Assert.Equal(NoiseErrors.WrongStateCode, harness.Initiator.ReadMessage(new byte[48]).Error?.Code);
        Assert.Equal(HandshakeStatus.InProgress, harness.Responder.Status);
        Assert.True(harness.Initiator.IsMyTurnToWrite);
        Assert.False(harness.Responder.IsMyTurnToWrite);

        HandshakeWriteResult first = harness.Write(0);
        Assert.Equal(NoiseErrors.WrongStateCode, harness.Initiator.WriteMessage("twice"u8).Error?.Code);
        Assert.True(harness.Read(0, first.Message).IsOk);
        Assert.Equal(NoiseErrors.WrongStateCode, harness.Responder.ReadMessage(first.Message).Error?.Code);

        HandshakeWriteResult second = harness.Write(1);
        Assert.True(harness.Read(1, second.Message).IsOk);
        HandshakeWriteResult third = harness.Write(2);
        Assert.True(third.IsComplete);
        HandshakeReadResult read = harness.Read(2, third.Message).Value;
        Assert.True(read.IsComplete);
        Assert.Equal(third.Transport.HandshakeHash.ToArray(), read.Transport.HandshakeHash.ToArray());
    }

    [Fact]
    public void No_transport_exists_before_the_last_message_and_a_complete_handshake_refuses_more_messages()
    {
        using var harness = new NoiseHarness(HandshakePattern.XX, 6);
        HandshakeWriteResult first = harness.Write(0);
        Assert.False(first.IsComplete);
        Assert.Null(first.Transport);
        HandshakeReadResult firstRead = harness.Read(0, first.Message).Value;
        Assert.Null(firstRead.Transport);
        HandshakeWriteResult second = harness.Write(1);
        Assert.Null(second.Transport);
        Assert.Null(harness.Read(1, second.Message).Value.Transport);

        HandshakeWriteResult third = harness.Write(2);
        Assert.NotNull(third.Transport);
        Assert.Equal(HandshakeStatus.Complete, harness.Initiator.Status);
        Assert.Equal(NoiseErrors.WrongStateCode, harness.Initiator.WriteMessage([]).Error?.Code);
        Assert.Equal(NoiseErrors.WrongStateCode, harness.Initiator.ReadMessage(third.Message).Error?.Code);
        Assert.Equal(third.Transport.HandshakeHash.ToArray(), harness.Initiator.GetHandshakeHash());
    }

    [Fact]
    public void Transport_cannot_be_constructed_outside_a_completed_handshake()
    {
        // Compile-time typestate: the only way to a NoiseTransport is a final Write/ReadMessage result.
        Assert.Empty(typeof(NoiseTransport).GetConstructors());
        Assert.Empty(typeof(HandshakeWriteResult).GetConstructors());
        Assert.Empty(typeof(HandshakeReadResult).GetConstructors());
        Assert.DoesNotContain(typeof(HandshakeState).GetMethods(), m => m.Name.Contains("crypt", StringComparison.Ordinal));
    }

    [Fact]
    public void Oversized_payload_is_refused_before_any_state_changes()
    {
        using var harness = new NoiseHarness(HandshakePattern.XX, 8);
        // Message 1 of XX is e (32 bytes) + payload in clear: 65503 bytes of payload is the most that fits.
        Assert.Equal(NoiseErrors.OversizedCode, harness.Initiator.WriteMessage(new byte[Limits.NoiseMaxMessageLength - 31]).Error?.Code);
        Assert.Equal(HandshakeStatus.InProgress, harness.Initiator.Status);
        HandshakeWriteResult largest = harness.Initiator.WriteMessage(new byte[Limits.NoiseMaxMessageLength - 32]).Value;
        Assert.Equal(Limits.NoiseMaxMessageLength, largest.Message.Length);
        Assert.True(harness.Responder.ReadMessage(largest.Message).IsOk);
    }

    [Fact]
    public void Oversized_message_is_refused_and_aborts_the_reader()
    {
        using var harness = new NoiseHarness(HandshakePattern.XX, 9);
        Assert.Equal(NoiseErrors.OversizedCode, harness.Responder.ReadMessage(new byte[Limits.NoiseMaxMessageLength + 1]).Error?.Code);
        Assert.Equal(HandshakeStatus.Aborted, harness.Responder.Status);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")]
    [InlineData("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157")]
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    public void Low_order_ephemeral_key_is_rejected_as_an_error_value(string lowOrderPoint)
    {
        byte[] point = Convert.FromHexString(lowOrderPoint);

        // XX: message 1 carries no DH, so the responder notices when it computes ee for message 2.
        using var xx = new NoiseHarness(HandshakePattern.XX, 10);
        Assert.True(xx.Responder.ReadMessage(point).IsOk);
        Assert.Equal(NoiseErrors.LowOrderPointCode, xx.Responder.WriteMessage([]).Error?.Code);
        Assert.Equal(HandshakeStatus.Aborted, xx.Responder.Status);

        // IK: es is computed while reading message 1.
        using var ik = new NoiseHarness(HandshakePattern.IK, 11);
        byte[] forged = ik.Write(0).Message;
        point.CopyTo(forged, 0);
        Assert.Equal(NoiseErrors.LowOrderPointCode, ik.Responder.ReadMessage(forged).Error?.Code);
        Assert.Equal(HandshakeStatus.Aborted, ik.Responder.Status);
    }

    [Fact]
    public void Initialize_rejects_missing_and_superfluous_keys_as_caller_bugs()
    {
        var random = new SeededRandomSource(12);
        using var key = X25519KeyPair.Generate(random);
        Assert.Throws<ArgumentException>(() => HandshakeState.Initialize(HandshakePattern.XX, NoiseRole.Initiator, [], random));
        Assert.Throws<ArgumentException>(() => HandshakeState.Initialize(HandshakePattern.IK, NoiseRole.Initiator, [], random, key));
        Assert.Throws<ArgumentException>(() => HandshakeState.Initialize(HandshakePattern.IK, NoiseRole.Initiator, [], random, key, new byte[31]));
        Assert.Throws<ArgumentException>(() => HandshakeState.Initialize(HandshakePattern.NN, NoiseRole.Initiator, [], random, key));
        Assert.Throws<ArgumentException>(() => HandshakeState.Initialize(HandshakePattern.XX, NoiseRole.Responder, [], random, key, key.PublicKeyBytes));
        Assert.True(HandshakePattern.TryGet("XXpsk3", out HandshakePattern? psk));
        Assert.Throws<ArgumentException>(() => HandshakeState.Initialize(psk, NoiseRole.Responder, [], random, key));
    }

    [Fact]
    public void Static_keys_and_payloads_travel_encrypted_where_the_pattern_says()
    {
        using var xx = new NoiseHarness(HandshakePattern.XX, 13);
        byte[] first = xx.Write(0).Message;
        Assert.True(xx.Read(0, first).IsOk);
        Assert.Equal(NoiseHarness.PayloadOf(0), first[32..]); // XX message 1: e and a clear payload, by design
        byte[] second = xx.Write(1).Message;
        Assert.True(xx.Read(1, second).IsOk);
        byte[] third = xx.Write(2).Message;
        Assert.False(Contains(second, xx.ResponderStatic.PublicKeyBytes));
        Assert.False(Contains(second, NoiseHarness.PayloadOf(1)));
        Assert.False(Contains(third, xx.InitiatorStatic.PublicKeyBytes));
        Assert.False(Contains(third, NoiseHarness.PayloadOf(2)));

        using var ik = new NoiseHarness(HandshakePattern.IK, 14);
        byte[] ikFirst = ik.Write(0).Message;
        Assert.False(Contains(ikFirst, ik.InitiatorStatic.PublicKeyBytes));
        Assert.False(Contains(ikFirst, NoiseHarness.PayloadOf(0)));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
