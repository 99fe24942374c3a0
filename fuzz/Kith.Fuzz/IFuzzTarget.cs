namespace Kith.Fuzz;

/// <summary>
/// One fuzz target, selected by <see cref="Name"/> on the command line (dotnet/runtime's <c>IFuzzer</c>
/// shape). Adding a target is adding one public sealed class implementing this, plus a seed corpus in
/// <c>fuzz/corpus/&lt;name&gt;/</c>; the registry finds the class by reflection.
/// <para>
/// The registry constructs every target before SharpFuzz has mapped AFL's coverage map, so a target's
/// constructor, <see cref="Name"/> and static initialisers must not call Kith code (which fuzz/run
/// instruments): keep them trivial and do any setup in <see cref="Run"/>, lazily.
/// </para>
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The command-line name and the corpus folder name (lower case, dashes).</summary>
    string Name { get; }

    /// <summary>
    /// Runs one input. Must return normally for every input: untrusted bytes are rejected with a
    /// <c>KithError</c>, never an exception, so any exception that escapes is a bug and AFL counts it as a
    /// crash. Checks of the code's own promises throw <see cref="FuzzInvariantException"/>.
    /// </summary>
    void Run(ReadOnlySpan<byte> input);
}
