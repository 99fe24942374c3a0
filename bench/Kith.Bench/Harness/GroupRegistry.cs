namespace Kith.Bench.Harness;

/// <summary>Every <see cref="IBenchmarkGroup"/> in this assembly, found by reflection, ordered by name.</summary>
public static class GroupRegistry
{
    /// <summary>One instance of every group.</summary>
    public static IReadOnlyList<IBenchmarkGroup> All() =>
        [.. typeof(GroupRegistry).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkGroup).IsAssignableFrom(type))
            .Select(type => (IBenchmarkGroup)Activator.CreateInstance(type)!)
            .OrderBy(group => group.Name, StringComparer.Ordinal)];
}
