using Kith.Primitives.Errors;
using Kith.Wire;

namespace Kith.Fuzz.Targets.Wire;

/// <summary>
/// Drives <see cref="WireReader"/> through an arbitrary sequence of reads and compares every result with
/// a reference model written from its documented contract: bounds-checked, big-endian, the first error
/// sticks and consumes the rest, out values are zero or empty on failure, nothing ever throws.
/// <para>
/// Input layout: byte 0 = number of operations k; the next k bytes are the operations; the rest is the
/// data read. An operation byte is <c>kind | argument &lt;&lt; 3</c> (see <see cref="Step"/>).
/// </para>
/// </summary>
public static class ReaderModelCheck
{
    /// <summary>Runs the program in <paramref name="input"/>; throws <see cref="FuzzInvariantException"/> on a mismatch.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        int operationCount = Math.Min(input[0], input.Length - 1);
        ReadOnlySpan<byte> operations = input.Slice(1, operationCount);
        ReadOnlySpan<byte> data = input[(1 + operationCount)..];

        var reader = new WireReader(data);
        var model = new Model(data.Length);
        foreach (byte operation in operations)
        {
            Step(ref reader, ref model, data, operation);
            FuzzInvariantException.Check(reader.Remaining == model.Remaining, "Remaining matches the bytes not yet consumed");
            FuzzInvariantException.Check(ReferenceEquals(reader.Error, model.Error), "Error is the first failure met");
        }
    }

    private static void Step(ref WireReader reader, ref Model model, ReadOnlySpan<byte> data, byte operation)
    {
        int argument = operation >> 3;
        switch (operation & 7)
        {
            case 0:
                CheckInteger(reader.TryReadByte(out byte u8), u8, ref model, data, 1);
                break;
            case 1:
                CheckInteger(reader.TryReadUInt16(out ushort u16), u16, ref model, data, 2);
                break;
            case 2:
                CheckInteger(reader.TryReadUInt32(out uint u32), u32, ref model, data, 4);
                break;
            case 3:
                CheckInteger(reader.TryReadUInt64(out ulong u64), u64, ref model, data, 8);
                break;
            case 4:
            {
                // Argument 31 asks for a negative length, which must fail like a truncation.
                int length = argument == 31 ? -1 : argument;
                int start = model.Position;
                bool ok = reader.TryReadSpan(length, out ReadOnlySpan<byte> bytes);
                bool expected = model.Take(length);
                CheckSpan(ok, expected, bytes, data, start, length);
                break;
            }

            case 5:
            case 6:
                CheckPrefixed(ref reader, ref model, data, prefixSize: (operation & 7) == 5 ? 2 : 4, argument);
                break;
            default:
                if (argument % 2 == 0)
                {
                    bool finished = reader.TryFinish(out KithError? error);
                    bool expected = model.Finish();
                    FuzzInvariantException.Check(finished == expected, "TryFinish succeeds exactly when all was read without error");
                    FuzzInvariantException.Check(ReferenceEquals(error, model.Error), "TryFinish reports the first error");
                }
                else
                {
                    FuzzInvariantException.Check(!reader.Fail(WireErrors.Malformed), "Fail returns false");
                    model.Fail(WireErrors.Malformed);
                }

                break;
        }
    }

    private static void CheckInteger(bool ok, ulong value, ref Model model, ReadOnlySpan<byte> data, int size)
    {
        int start = model.Position;
        bool expected = model.Take(size);
        FuzzInvariantException.Check(ok == expected, "an integer read succeeds exactly when enough bytes remain and no error occurred");
        FuzzInvariantException.Check(value == (ok ? BigEndian(data.Slice(start, size)) : 0), "integers are big-endian, and zero on failure");
    }

    private static void CheckPrefixed(ref WireReader reader, ref Model model, ReadOnlySpan<byte> data, int prefixSize, int argument)
    {
        // Limits from 0 to 124 in steps of 4 hit both sides of small lengths; argument 31 is the widest limit.
        int maxLength = argument == 31 ? (prefixSize == 2 ? ushort.MaxValue : int.MaxValue) : argument * 4;
        int prefixStart = model.Position;
        bool ok = prefixSize == 2
            ? reader.TryReadPrefixed16(maxLength, out ReadOnlySpan<byte> bytes)
            : reader.TryReadPrefixed32(maxLength, out bytes);

        bool expected = false;
        int length = 0;
        if (model.Take(prefixSize))
        {
            ulong declared = BigEndian(data.Slice(prefixStart, prefixSize));
            if (declared > (ulong)maxLength)
            {
                model.Fail(WireErrors.Oversized);
            }
            else
            {
                length = (int)declared;
                expected = model.Take(length);
            }
        }

        CheckSpan(ok, expected, bytes, data, prefixStart + prefixSize, length);
    }

    private static void CheckSpan(bool ok, bool expected, ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> data, int start, int length)
    {
        FuzzInvariantException.Check(ok == expected, "a span read succeeds exactly when the length is allowed and available");
        FuzzInvariantException.Check(
            ok ? bytes.SequenceEqual(data.Slice(start, length)) : bytes.IsEmpty,
            "a span read returns exactly the next bytes, and nothing on failure");
    }

    // Written out instead of BinaryPrimitives so the check does not share code with the reader.
    private static ulong BigEndian(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>The reader's contract as plain state: where it is and the first error.</summary>
    private struct Model(int length)
    {
        public int Position { get; private set; }

        public KithError? Error { get; private set; }

        public readonly int Remaining => length - Position;

        public bool Take(int count)
        {
            if (Error is not null || count < 0 || Remaining < count)
            {
                Fail(WireErrors.Truncated);
                return false;
            }

            Position += count;
            return true;
        }

        public void Fail(KithError error)
        {
            Error ??= error;
            Position = length;
        }

        public bool Finish()
        {
            if (Error is null && Remaining != 0)
            {
                Fail(WireErrors.TrailingBytes);
            }

            return Error is null;
        }
    }
}
