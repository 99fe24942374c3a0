namespace Kith.Fuzz.Tests;

/// <summary>Every committed seed and every kept crash input still runs cleanly through its target.</summary>
public sealed class CommittedInputTests
{
    public static TheoryData<string, string> CommittedInputs()
    {
        var data = new TheoryData<string, string>();
        foreach (string kind in new[] { FuzzInputs.Corpus, FuzzInputs.Regressions })
        {
            foreach (string target in FuzzInputs.TargetFolders(kind))
            {
                foreach (string file in FuzzInputs.Files(kind, target))
                {
                    data.Add(target, file);
                }
            }
        }

        return data;
    }

    public static TheoryData<string> TargetNames() => [.. FuzzTargets.All.Select(target => target.Name)];

    [Theory]
    [MemberData(nameof(CommittedInputs))]
    public void Committed_input_runs_through_its_target_without_an_exception(string target, string file)
    {
        IFuzzTarget? fuzzTarget = FuzzTargets.Find(target);
        Assert.NotNull(fuzzTarget);

        fuzzTarget.Run(FuzzInputs.Read(file));
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Every_target_has_a_committed_seed_corpus(string target) =>
        Assert.NotEmpty(FuzzInputs.Files(FuzzInputs.Corpus, target));

    [Fact]
    public void Every_input_folder_belongs_to_a_registered_target()
    {
        string[] orphans =
        [
            .. FuzzInputs.TargetFolders(FuzzInputs.Corpus)
                .Concat(FuzzInputs.TargetFolders(FuzzInputs.Regressions))
                .Where(folder => FuzzTargets.Find(folder) is null),
        ];

        Assert.Empty(orphans);
    }

    [Fact]
    public void Target_names_are_unique_and_usable_as_folder_names()
    {
        string[] names = [.. FuzzTargets.All.Select(target => target.Name)];

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", name));
    }
}
