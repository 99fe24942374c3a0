using Kith.Crypto;

namespace Kith.Fuzz.Tests;

/// <summary>
/// A short, deterministic stand-in for a fuzzing session, so every test run exercises each target beyond
/// its seeds: random byte strings, then mutations of every committed seed (bit flips, byte changes,
/// truncations, insertions, duplicated runs). A failure names the seed and the input to replay.
/// </summary>
public sealed class SeededInputTests
{
    private const ulong Seed = 0x4B49_5448_4655_5A5A;
    private const int RandomInputs = 2000;
    private const int MaxRandomLength = 300;
    private const int MutationsPerSeed = 200;

    public static TheoryData<string> TargetNames() => [.. FuzzTargets.All.Select(target => target.Name)];

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Seeded_random_inputs_raise_no_exception(string target)
    {
        IFuzzTarget fuzzTarget = FuzzTargets.Find(target)!;
        var random = new SeededRandomSource(Seed);
        for (int i = 0; i < RandomInputs; i++)
        {
            byte[] input = new byte[random.NextInt(MaxRandomLength + 1)];
            random.Fill(input);
            RunOrExplain(fuzzTarget, input, $"random input {i}");
        }
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Seeded_mutations_of_the_corpus_raise_no_exception(string target)
    {
        IFuzzTarget fuzzTarget = FuzzTargets.Find(target)!;
        var random = new SeededRandomSource(Seed);
        foreach (string file in FuzzInputs.Files(FuzzInputs.Corpus, target))
        {
            byte[] original = FuzzInputs.Read(file);
            for (int i = 0; i < MutationsPerSeed; i++)
            {
                RunOrExplain(fuzzTarget, Mutate(original, random), $"mutation {i} of {file}");
            }
        }
    }

    private static byte[] Mutate(byte[] original, SeededRandomSource random)
    {
        var bytes = new List<byte>(original);
        int edits = 1 + random.NextInt(4);
        for (int e = 0; e < edits; e++)
        {
            int at = bytes.Count == 0 ? 0 : random.NextInt(bytes.Count);
            switch (random.NextInt(5))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.NextInt(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = Interesting[random.NextInt(Interesting.Length)];
                    break;
                case 2:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 3:
                    bytes.Insert(at, (byte)random.NextInt(256));
                    break;
                default:
                    int length = Math.Min(bytes.Count - at, 1 + random.NextInt(8));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }

    // AFL's "interesting" values: the edges where length and count checks go wrong.
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x10, 0x20, 0x40, 0x64];

    private static void RunOrExplain(IFuzzTarget target, byte[] input, string what)
    {
        try
        {
            target.Run(input);
        }
        catch (Exception e)
        {
            Assert.Fail($"{target.Name}, {what} (SeededRandomSource seed 0x{Seed:X}), input {Convert.ToHexString(input)}: {e}");
        }
    }
}
