namespace Kith.Fuzz;

/// <summary>Every <see cref="IFuzzTarget"/> in this assembly, found by reflection, ordered by name.</summary>
public static class FuzzTargets
{
    private static readonly Lazy<IReadOnlyList<IFuzzTarget>> Targets = new(() =>
        [.. typeof(FuzzTargets).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IFuzzTarget).IsAssignableFrom(type))
            .Select(type => (IFuzzTarget)Activator.CreateInstance(type)!)
            .OrderBy(target => target.Name, StringComparer.Ordinal)]);

    /// <summary>One instance of every target.</summary>
    public static IReadOnlyList<IFuzzTarget> All => Targets.Value;

    /// <summary>The target called <paramref name="name"/>, or <c>null</c>.</summary>
    public static IFuzzTarget? Find(string name) => All.FirstOrDefault(target => target.Name == name);
}
