using Kith.Primitives.Errors;
using Kith.Wire;

namespace Kith.Fuzz.Targets.Wire;

/// <summary>
/// A small versioned record decoded the way Kith's real decoders use <see cref="WireReader"/>: a version
/// byte, a bounded count, tagged fields of every reader shape, then <c>TryFinish</c>. Its encoding is
/// canonical (fixed-width integers, exact length prefixes), so a decoded record must encode back to the
/// very bytes it came from.
/// <code>
/// record = version:u8 (=1) count:u16 (≤ MaxFields) field{count}
/// field  = 1 u8 | 2 u16 | 3 u32 | 4 u64 | 5 prefixed16 (≤ MaxShortBytes) | 6 prefixed32 (≤ MaxLongBytes)
/// </code>
/// </summary>
public sealed class SampleRecord
{
    /// <summary>The only version this decoder knows.</summary>
    public const byte Version = 1;

    /// <summary>Fields per record: a decoder must bound a count before it loops over it.</summary>
    public const int MaxFields = 64;

    /// <summary>Limit for a 16-bit prefixed field, below the prefix's own range so Oversized is reachable.</summary>
    public const int MaxShortBytes = 256;

    /// <summary>Limit for a 32-bit prefixed field; keeps a hostile prefix from asking for gigabytes.</summary>
    public const int MaxLongBytes = 4096;

    private SampleRecord(IReadOnlyList<SampleField> fields) => Fields = fields;

    /// <summary>The fields in order.</summary>
    public IReadOnlyList<SampleField> Fields { get; }

    /// <summary>Decodes untrusted bytes; never throws.</summary>
    public static Result<SampleRecord> Decode(ReadOnlySpan<byte> input)
    {
        var reader = new WireReader(input);
        if (!reader.TryReadByte(out byte version))
        {
            return reader.Error!;
        }

        if (version != Version)
        {
            return WireErrors.UnknownVersion;
        }

        if (!reader.TryReadUInt16(out ushort count))
        {
            return reader.Error!;
        }

        if (count > MaxFields)
        {
            return WireErrors.Oversized;
        }

        var fields = new List<SampleField>(count);
        for (int i = 0; i < count; i++)
        {
            if (!TryReadField(ref reader, out SampleField? field))
            {
                return reader.Error!;
            }

            fields.Add(field!);
        }

        return reader.TryFinish(out KithError? error) ? new SampleRecord(fields) : error!;
    }

    /// <summary>The canonical encoding.</summary>
    public byte[] Encode()
    {
        var writer = new WireWriter().Byte(Version).U16(checked((ushort)Fields.Count));
        foreach (SampleField field in Fields)
        {
            writer.Byte(field.Tag);
            _ = field.Tag switch
            {
                1 => writer.Byte((byte)field.Number),
                2 => writer.U16((ushort)field.Number),
                3 => writer.U32((uint)field.Number),
                4 => writer.U64(field.Number),
                5 => writer.Prefixed16(field.Bytes),
                6 => writer.Prefixed32(field.Bytes),
                _ => throw new InvalidOperationException($"Field tag {field.Tag} has no encoding."),
            };
        }

        return writer.ToArray();
    }

    private static bool TryReadField(ref WireReader reader, out SampleField? field)
    {
        field = null;
        if (!reader.TryReadByte(out byte tag))
        {
            return false;
        }

        bool ok;
        ulong number = 0;
        ReadOnlySpan<byte> bytes = default;
        switch (tag)
        {
            case 1:
                ok = reader.TryReadByte(out byte u8);
                number = u8;
                break;
            case 2:
                ok = reader.TryReadUInt16(out ushort u16);
                number = u16;
                break;
            case 3:
                ok = reader.TryReadUInt32(out uint u32);
                number = u32;
                break;
            case 4:
                ok = reader.TryReadUInt64(out number);
                break;
            case 5:
                ok = reader.TryReadPrefixed16(MaxShortBytes, out bytes);
                break;
            case 6:
                ok = reader.TryReadPrefixed32(MaxLongBytes, out bytes);
                break;
            default:
                return reader.Fail(WireErrors.Malformed);
        }

        if (ok)
        {
            field = new SampleField(tag, number, bytes.ToArray());
        }

        return ok;
    }
}

/// <summary>One field of a <see cref="SampleRecord"/>: an integer (tags 1–4) or bytes (tags 5, 6).</summary>
public sealed record SampleField(byte Tag, ulong Number, byte[] Bytes);
