using Kith.Fuzz.Targets.Wire;
using Kith.Primitives.Errors;
using Kith.Wire;

namespace Kith.Fuzz.Targets;

/// <summary>
/// <see cref="WireReader"/> (and <see cref="WireWriter"/>) over arbitrary bytes, two ways: as a program of
/// reads checked against a reference model (<see cref="ReaderModelCheck"/>), and as a structured record
/// (<see cref="SampleRecord"/>) that must either be rejected with a wire error or re-encode to the input.
/// </summary>
public sealed class WireReaderTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "wire-reader";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        ReaderModelCheck.Run(input);

        Result<SampleRecord> decoded = SampleRecord.Decode(input);
        if (decoded.TryGet(out SampleRecord? record, out KithError? error))
        {
            FuzzInvariantException.Check(record.Encode().AsSpan().SequenceEqual(input), "a decoded record re-encodes to its input");
        }
        else
        {
            FuzzInvariantException.Check(
                error == WireErrors.Truncated || error == WireErrors.TrailingBytes || error == WireErrors.Oversized
                || error == WireErrors.UnknownVersion || error == WireErrors.Malformed,
                "a rejected record carries one of the wire errors");
        }
    }
}
