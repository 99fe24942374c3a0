using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Pqxdh;
using Kith.Protocol.Prekeys;
using Kith.Wire.Pqxdh;

namespace Kith.Fuzz.Targets;

/// <summary>
/// The PQXDH initial message (Signal PQXDH §3.3) as a responder receives it: decode, and if it decodes,
/// run the responder's key agreement, which must return a verdict and consume no prekey (the two-phase
/// responder only consumes after the first ratchet message verifies).
/// </summary>
public sealed class PqxdhInitialMessageTarget : IFuzzTarget
{
    private static DevicePrekeySecrets? s_responder;

    /// <inheritdoc/>
    public string Name => "pqxdh-initial-message";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        if (s_responder is null)
        {
            var random = new SeededRandomSource(3);
            s_responder = DevicePrekeySecrets.Generate(Ed25519SigningKey.Generate(random), random, oneTimeCount: 2, oneTimePqCount: 1);
        }

        Result<PqxdhInitialMessage> decoded = PqxdhInitialMessage.Decode(input);
        if (!decoded.TryGet(out PqxdhInitialMessage? message, out _))
        {
            return;
        }

        FuzzInvariantException.Check(message.ToBytes().AsSpan().SequenceEqual(input), "a decoded initial message re-encodes to its input");
        Result<PqxdhResponse> response = PqxdhResponder.Respond(s_responder, message.Header);
        if (response.TryGet(out PqxdhResponse? accepted, out _))
        {
            accepted.Dispose();
        }

        FuzzInvariantException.Check(
            s_responder.FindOneTime(s_responder.Published.OneTimePrekeys[0].Id) is not null,
            "responding consumes no one-time prekey");
    }
}
