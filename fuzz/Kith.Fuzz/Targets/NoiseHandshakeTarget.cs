using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Noise;

namespace Kith.Fuzz.Targets;

/// <summary>
/// The first handshake message a Noise responder reads, for XX and IK (the patterns Kith links use), as
/// fuzz/README.md's "noise-handshake": a fresh responder reads the input; a rejected input must leave it
/// aborted, an accepted one must let it write its reply.
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
            if (read.IsOk)
            {
                FuzzInvariantException.Check(responder.WriteMessage([]).IsOk, "an accepted first message lets the responder reply");
            }
            else
            {
                FuzzInvariantException.Check(responder.WriteMessage([]).Error is not null, "a rejected handshake refuses further use");
            }
        }
    }
}
