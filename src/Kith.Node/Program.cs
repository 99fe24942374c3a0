namespace Kith.Node;

/// <summary>The node daemon's entry point (issue 5: data folder, tor, engine, local API).</summary>
internal static class Program
{
    private static int Main() => 0;
}
