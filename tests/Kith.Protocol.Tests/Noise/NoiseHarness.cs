using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Noise;

namespace Kith.Protocol.Tests.Noise;

/// <summary>
/// Two parties with seeded random static and ephemeral keys running XX or IK (the patterns Kith uses),
/// so that a test can replay the same handshake and change one message.
/// </summary>
internal sealed class NoiseHarness : IDisposable
{
    public NoiseHarness(HandshakePattern pattern, ulong seed, byte[]? initiatorKnowsResponderAs = null,
        byte[]? initiatorPrologue = null, byte[]? responderPrologue = null)
    {
        var keys = new SeededRandomSource(seed);
        InitiatorStatic = X25519KeyPair.Generate(keys);
        ResponderStatic = X25519KeyPair.Generate(keys);
        byte[] remote = pattern.ResponderPreMessage.Count > 0 ? initiatorKnowsResponderAs ?? ResponderStatic.PublicKeyBytes : [];
        Initiator = HandshakeState.Initialize(pattern, NoiseRole.Initiator, initiatorPrologue ?? "kith link"u8,
            new SeededRandomSource(seed + 1), InitiatorStatic, remote);
        Responder = HandshakeState.Initialize(pattern, NoiseRole.Responder, responderPrologue ?? "kith link"u8,
            new SeededRandomSource(seed + 2), ResponderStatic);
        Pattern = pattern;
    }

    public HandshakePattern Pattern { get; }
    public X25519KeyPair InitiatorStatic { get; }
    public X25519KeyPair ResponderStatic { get; }
    public HandshakeState Initiator { get; }
    public HandshakeState Responder { get; }

    public static byte[] PayloadOf(int index) => [.. "payload "u8, (byte)('0' + index)];

    public HandshakeState SenderOf(int index) => index % 2 == 0 ? Initiator : Responder;

    public HandshakeState ReceiverOf(int index) => index % 2 == 0 ? Responder : Initiator;

    public HandshakeWriteResult Write(int index) => SenderOf(index).WriteMessage(PayloadOf(index)).Value;

    public Result<HandshakeReadResult> Read(int index, byte[] message) => ReceiverOf(index).ReadMessage(message);

    /// <summary>Runs messages 0..count-1 honestly.</summary>
    public void RunMessages(int count)
    {
        for (int i = 0; i < count; i++)
        {
            HandshakeReadResult read = Read(i, Write(i).Message).Value;
            Assert.Equal(PayloadOf(i), read.Payload);
        }
    }

    /// <summary>Runs the whole handshake; returns (initiator's, responder's) transports.</summary>
    public (NoiseTransport Initiator, NoiseTransport Responder) Complete()
    {
        RunMessages(Pattern.MessageCount - 1);
        int last = Pattern.MessageCount - 1;
        HandshakeWriteResult written = Write(last);
        HandshakeReadResult read = Read(last, written.Message).Value;
        Assert.True(written.IsComplete);
        Assert.True(read.IsComplete);
        return last % 2 == 0 ? (written.Transport, read.Transport) : (read.Transport, written.Transport);
    }

    public void Dispose()
    {
        Initiator.Dispose();
        Responder.Dispose();
        InitiatorStatic.Dispose();
        ResponderStatic.Dispose();
    }
}
