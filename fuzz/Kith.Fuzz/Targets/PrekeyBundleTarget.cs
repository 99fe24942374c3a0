using Kith.Protocol.Prekeys;
using Kith.Wire;
using Kith.Wire.Prekeys;

namespace Kith.Fuzz.Targets;

/// <summary>
/// Published prekeys (<see cref="DevicePrekeys"/>) as they arrive in contact cards: decode, and if the
/// bytes decode, they must re-encode to themselves and signature checking must return a verdict.
/// </summary>
public sealed class PrekeyBundleTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "prekey-bundle";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        var reader = new WireReader(input);
        if (DevicePrekeys.TryRead(ref reader, out DevicePrekeys? prekeys) && reader.TryFinish(out _))
        {
            FuzzInvariantException.Check(prekeys!.ToBytes().AsSpan().SequenceEqual(input), "decoded prekeys re-encode to their input");
            _ = PrekeySignatures.Verify(prekeys);
        }
        else
        {
            FuzzInvariantException.Check(reader.Error is not null, "a rejected decode names its error");
        }
    }
}
