using Kith.Fuzz.Targets.Wire;
using Kith.Primitives.Errors;
using Kith.Wire;

namespace Kith.Fuzz.Tests;

/// <summary>The wire-reader seeds reach the paths their names promise, so the corpus is worth fuzzing from.</summary>
public sealed class WireReaderTargetTests
{
    public static TheoryData<string, string?> RecordSeeds() => new()
    {
        { "record-every-field", null },
        { "record-empty", null },
        { "record-long-bytes-max", null },
        { "record-unknown-version", WireErrors.UnknownVersion.Code },
        { "record-trailing-byte", WireErrors.TrailingBytes.Code },
        { "record-truncated", WireErrors.Truncated.Code },
        { "record-count-too-large", WireErrors.Oversized.Code },
        { "record-unknown-tag", WireErrors.Malformed.Code },
        { "record-short-bytes-oversized", WireErrors.Oversized.Code },
    };

    [Theory]
    [MemberData(nameof(RecordSeeds))]
    public void Record_seed_decodes_or_fails_as_its_name_says(string seed, string? expectedError)
    {
        byte[] input = FuzzInputs.Read(Path.Combine(FuzzInputs.Corpus, "wire-reader", seed));

        Result<SampleRecord> decoded = SampleRecord.Decode(input);

        Assert.Equal(expectedError, decoded.Error?.Code);
        if (decoded.IsOk)
        {
            Assert.Equal(input, decoded.Value.Encode());
        }
    }

    [Fact]
    public void Every_field_kind_is_in_the_corpus()
    {
        byte[] input = FuzzInputs.Read(Path.Combine(FuzzInputs.Corpus, "wire-reader", "record-every-field"));

        SampleRecord record = SampleRecord.Decode(input).Value;

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, record.Fields.Select(field => field.Tag));
    }

    [Fact]
    public void Record_at_the_field_count_limit_round_trips_and_one_more_is_oversized()
    {
        byte[] atLimit = EncodeBytesFields(SampleRecord.MaxFields);
        byte[] overLimit = EncodeBytesFields(SampleRecord.MaxFields + 1);

        Assert.Equal(atLimit, SampleRecord.Decode(atLimit).Value.Encode());
        Assert.Same(WireErrors.Oversized, SampleRecord.Decode(overLimit).Error);
    }

    [Fact]
    public void Read_program_runs_every_operation_kind_against_the_model()
    {
        byte[] program = FuzzInputs.Read(Path.Combine(FuzzInputs.Corpus, "wire-reader", "program-every-read"));
        int operationCount = program[0];

        int[] kinds = [.. program.Skip(1).Take(operationCount).Select(operation => operation & 7).Distinct().Order()];

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], kinds);
        ReaderModelCheck.Run(program);
    }

    [Fact]
    public void Invariant_check_throws_only_when_the_promise_is_broken()
    {
        FuzzInvariantException.Check(true, "kept");

        FuzzInvariantException e = Assert.Throws<FuzzInvariantException>(() => FuzzInvariantException.Check(false, "broken"));
        Assert.Equal("broken", e.Message);
    }

    private static byte[] EncodeBytesFields(int count)
    {
        var writer = new WireWriter().Byte(SampleRecord.Version).U16((ushort)count);
        for (int i = 0; i < count; i++)
        {
            writer.Byte(5).Prefixed16([(byte)i]);
        }

        return writer.ToArray();
    }
}
