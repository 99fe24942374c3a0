using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Noise;

namespace Kith.Fuzz.Targets;

/// <summary>
/// The first handshake message a Noise responder reads, for XX and IK (the patterns Kith links use), as
/// fuzz/README.md's "noise-handshake": a fresh responder reads the input; a rejected input (on reading or on
/// replying) must leave it aborted.
/// </summary>
public sealed class NoiseHandshakeTarget : IFuzzTarget
{
    private static X25519KeyPair? s_responderStatic;

    /// <inheritdoc/>
    public string Name => "noise-handshake";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        s_responderStatic ??= X25519KeyPair.Generate(new SeededRandomSource(1));
        foreach (HandshakePattern pattern in new[] { HandshakePattern.XX, HandshakePattern.IK })
        {
            using HandshakeState responder = HandshakeState.Initialize(
                pattern, NoiseRole.Responder, "kith-fuzz"u8, new SeededRandomSource(2), s_responderStatic);
            Result<HandshakeReadResult> read = responder.ReadMessage(input);
            if (read.IsOk && responder.WriteMessage([]).IsOk)
            {
                continue;
            }

            // Rejected on reading, or on replying: XX's first message is only an ephemeral key, so a low-order
            // one (e.g. 32 zero bytes, found by this target) passes ReadMessage and fails the reply's DH.
            // Either way the handshake must now be aborted.
            FuzzInvariantException.Check(responder.WriteMessage([]).Error is not null, "a failed handshake refuses further use");
        }
    }
}
