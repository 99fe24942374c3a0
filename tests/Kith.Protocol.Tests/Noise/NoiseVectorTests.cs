using Kith.Crypto;
using Kith.Protocol.Noise;

namespace Kith.Protocol.Tests.Noise;

/// <summary>The cacophony vectors for 25519_ChaChaPoly_BLAKE2b, replayed byte for byte (Vectors/README.md).</summary>
public class NoiseVectorTests
{
    public static IEnumerable<object[]> VectorNames => NoiseVector.Names.Select(name => new object[] { name });

    [Fact]
    public void Every_BLAKE2b_vector_of_the_suite_names_a_catalogue_pattern()
    {
        string[] names = NoiseVector.Names.ToArray();
        Assert.Equal(59, names.Length);
        Assert.All(names, name => Assert.True(HandshakePattern.TryGet(NoiseVector.Get(name).PatternName, out _), name));
        Assert.Contains("Noise_XX_25519_ChaChaPoly_BLAKE2b", names);
        Assert.Contains("Noise_IK_25519_ChaChaPoly_BLAKE2b", names);
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Vector_handshake_and_transport_messages_and_handshake_hash_match_byte_for_byte(string protocolName)
    {
        NoiseVector vector = NoiseVector.Get(protocolName);
        Assert.True(HandshakePattern.TryGet(vector.PatternName, out HandshakePattern? pattern));
        Assert.Equal(protocolName, pattern.ProtocolName);

        using X25519KeyPair? initStatic = vector.InitStatic is null ? null : X25519KeyPair.FromPrivateKey(vector.InitStatic);
        using X25519KeyPair? respStatic = vector.RespStatic is null ? null : X25519KeyPair.FromPrivateKey(vector.RespStatic);
        SecretBytes[] initPsks = vector.InitPsks.Select(p => SecretBytes.CopyFrom(p)).ToArray();
        SecretBytes[] respPsks = vector.RespPsks.Select(p => SecretBytes.CopyFrom(p)).ToArray();
        using HandshakeState initiator = HandshakeState.Initialize(pattern, NoiseRole.Initiator, vector.InitPrologue,
            NoiseVector.Ephemerals(vector.InitEphemeral), initStatic, vector.InitRemoteStatic, initPsks);
        using HandshakeState responder = HandshakeState.Initialize(pattern, NoiseRole.Responder, vector.RespPrologue,
            NoiseVector.Ephemerals(vector.RespEphemeral), respStatic, vector.RespRemoteStatic, respPsks);

        NoiseTransport? initiatorTransport = null;
        NoiseTransport? responderTransport = null;
        for (int i = 0; i < vector.Messages.Length; i++)
        {
            (byte[] payload, byte[] expected) = vector.Messages[i];
            bool initiatorSends = pattern.IsOneWay || i % 2 == 0;
            if (i < pattern.MessageCount)
            {
                (HandshakeState sender, HandshakeState receiver) = initiatorSends ? (initiator, responder) : (responder, initiator);
                HandshakeWriteResult written = sender.WriteMessage(payload).Value;
                Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(written.Message));
                HandshakeReadResult read = receiver.ReadMessage(written.Message).Value;
                Assert.Equal(payload, read.Payload);
                Assert.Equal(i == pattern.MessageCount - 1, written.IsComplete);
                Assert.Equal(written.IsComplete, read.IsComplete);
                if (written.IsComplete && read.IsComplete)
                {
                    (initiatorTransport, responderTransport) = initiatorSends
                        ? (written.Transport, read.Transport)
                        : (read.Transport, written.Transport);
                }
            }
            else
            {
                Assert.NotNull(initiatorTransport);
                Assert.NotNull(responderTransport);
                (NoiseTransport sender, NoiseTransport receiver) = initiatorSends
                    ? (initiatorTransport, responderTransport)
                    : (responderTransport, initiatorTransport);
                byte[] message = sender.Encrypt(payload).Value;
                Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(message));
                Assert.Equal(payload, receiver.Decrypt(message).Value);
            }
        }

        Assert.NotNull(initiatorTransport);
        Assert.NotNull(responderTransport);
        Assert.Equal(Convert.ToHexStringLower(vector.HandshakeHash), Convert.ToHexStringLower(initiatorTransport.HandshakeHash));
        Assert.Equal(Convert.ToHexStringLower(vector.HandshakeHash), Convert.ToHexStringLower(responderTransport.HandshakeHash));
        Assert.Equal(vector.HandshakeHash, initiator.GetHandshakeHash());
        initiatorTransport.Dispose();
        responderTransport.Dispose();
        foreach (SecretBytes psk in initPsks.Concat(respPsks))
        {
            psk.Dispose();
        }
    }
}
