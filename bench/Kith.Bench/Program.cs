using System.Globalization;
using Kith.Bench.Harness;

namespace Kith.Bench;

/// <summary>
/// <c>Kith.Bench [options] [GROUP...]</c>: runs the named groups (all when none is named), then prints
/// the RATIO lines whose two figures were measured in this run. Exit code 0, 1 when a group failed,
/// 2 for a usage error.
/// </summary>
public static class Program
{
    private const string Usage = """
        Usage: Kith.Bench [--quick] [--rounds N] [--round-ms N] [--warmup-ms N] [--node-dir DIR] [--list] [GROUP...]
          GROUP        run only these groups (default: all)
          --quick      3 short rounds per figure (a CI smoke run; noisier)
          --rounds N   timed rounds per figure, median reported (default 7)
          --round-ms N target length of one round (default 100)
          --warmup-ms N warm-up before the rounds (default 200)
          --node-dir   bench/node (default: found upwards from the program and the working directory)
          --list       list the groups
        """;

    public static int Main(string[] args)
    {
        IReadOnlyList<IBenchmarkGroup> all = GroupRegistry.All();
        BenchOptions options = BenchOptions.Default;
        var names = new List<string>();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        options = BenchOptions.Quick with { NodeDirectory = options.NodeDirectory };
                        break;
                    case "--rounds":
                        options = options with { Rounds = PositiveInt(args, ref i) };
                        break;
                    case "--round-ms":
                        options = options with { RoundTime = TimeSpan.FromMilliseconds(PositiveInt(args, ref i)) };
                        break;
                    case "--warmup-ms":
                        options = options with { WarmupTime = TimeSpan.FromMilliseconds(PositiveInt(args, ref i)) };
                        break;
                    case "--node-dir":
                        options = options with { NodeDirectory = Value(args, ref i) };
                        break;
                    case "--list":
                        foreach (IBenchmarkGroup group in all)
                        {
                            Console.WriteLine($"{group.Name,-12} {group.Description}");
                        }

                        return 0;
                    case "-h" or "--help":
                        Console.WriteLine(Usage);
                        return 0;
                    default:
                        if (args[i].StartsWith('-'))
                        {
                            throw new FormatException($"unknown option {args[i]}");
                        }

                        names.Add(args[i]);
                        break;
                }
            }
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        string[] unknown = [.. names.Where(name => !all.Any(group => group.Name == name))];
        if (unknown.Length > 0)
        {
            Console.Error.WriteLine($"unknown group(s): {string.Join(", ", unknown)}; known: {string.Join(", ", all.Select(g => g.Name))}");
            return 2;
        }

        IReadOnlyList<IBenchmarkGroup> selected = names.Count == 0 ? all : [.. all.Where(group => names.Contains(group.Name))];
        var context = new BenchContext(options, Console.Out);
        context.Note(DescribeMachine());
        return Run(selected, context);
    }

    /// <summary>Runs <paramref name="groups"/> in order, then their ratios; a failing group does not stop the others.</summary>
    public static int Run(IReadOnlyList<IBenchmarkGroup> groups, BenchContext context)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(context);
        int failed = 0;
        foreach (IBenchmarkGroup group in groups)
        {
            context.Note($"group {group.Name}: {group.Description}");
            try
            {
                group.Run(context);
            }
            catch (Exception e)
            {
                failed++;
                Console.Error.WriteLine($"# group {group.Name} failed: {e}");
            }
        }

        foreach (RatioDefinition ratio in groups.SelectMany(group => group.Ratios))
        {
            if (context.TryComputeRatio(ratio, out double value))
            {
                context.ReportRatio(ratio.Name, value);
            }
            else
            {
                context.Note($"RATIO {ratio.Name} needs {ratio.Numerator} and {ratio.Denominator} from the same run");
            }
        }

        return failed == 0 ? 0 : 1;
    }

    // Figures from a busy machine read very differently; say how busy it was.
    private static string DescribeMachine()
    {
        const string LoadAverage = "/proc/loadavg";
        string load = File.Exists(LoadAverage)
            ? $", load average {string.Join(' ', File.ReadAllText(LoadAverage).Split(' ').Take(3))}"
            : "";
        return $"{Environment.ProcessorCount} cores{load}, .NET {Environment.Version}";
    }

    private static string Value(string[] args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");

    private static int PositiveInt(string[] args, ref int i)
    {
        string option = args[i];
        return int.TryParse(Value(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new FormatException($"{option} needs a positive integer");
    }
}
