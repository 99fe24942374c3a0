using CsCheck;
using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Noise;

namespace Kith.Protocol.Tests.Noise;

/// <summary>
/// The fuzz entry points on random input, seeded by CsCheck (which prints the seed on failure): a fresh
/// responder's ReadMessage and a transport's Decrypt never throw and never accept garbage.
/// </summary>
public class NoiseFuzzPropertyTests
{
    private static readonly X25519KeyPair ResponderKey = X25519KeyPair.FromPrivateKey(new byte[32]);

    [Fact]
    public void Fresh_IK_responder_rejects_arbitrary_first_messages_without_throwing()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            using HandshakeState responder = HandshakeState.Initialize(HandshakePattern.IK, NoiseRole.Responder, [],
                new SeededRandomSource(1), ResponderKey);
            Result<HandshakeReadResult> result = responder.ReadMessage(bytes);
            return !result.IsOk && responder.Status == HandshakeStatus.Aborted;
        }, iter: 300);
    }

    [Fact]
    public void Fresh_XX_responder_takes_arbitrary_first_messages_without_throwing_and_then_fails_or_answers()
    {
        Gen.Byte.Array[0, 100].Sample(bytes =>
        {
            using HandshakeState responder = HandshakeState.Initialize(HandshakePattern.XX, NoiseRole.Responder, [],
                new SeededRandomSource(1), ResponderKey);
            Result<HandshakeReadResult> read = responder.ReadMessage(bytes);
            if (bytes.Length < HandshakeState.DhLength)
            {
                return read.Error?.Code == NoiseErrors.TruncatedCode;
            }

            // Message 1 of XX is unauthenticated by design: any 32+ bytes are an ephemeral key and a clear payload.
            return read.IsOk && read.Value.Payload.AsSpan().SequenceEqual(bytes.AsSpan(HandshakeState.DhLength))
                && responder.WriteMessage([]) is var written
                && (written.IsOk || written.Error.Code == NoiseErrors.LowOrderPointCode);
        }, iter: 300);
    }

    [Fact]
    public void Transport_rejects_arbitrary_messages_without_throwing_or_advancing()
    {
        using var harness = new NoiseHarness(HandshakePattern.XX, 77);
        (NoiseTransport initiator, NoiseTransport responder) = harness.Complete();
        Gen.Byte.Array[0, 100].Sample(bytes =>
            !responder.Decrypt(bytes).IsOk && responder.ReceiveNonce == 0, iter: 500);
        Assert.True(responder.Decrypt(initiator.Encrypt("still in sync"u8).Value).IsOk);
    }
}
