using SharpFuzz;

namespace Kith.Fuzz;

/// <summary>
/// <c>Kith.Fuzz TARGET</c> runs TARGET under afl-fuzz (SharpFuzz's fork server; input on stdin;
/// <c>KITH_FUZZ_OUT_OF_PROCESS=1</c> selects out-of-process mode).
/// <c>Kith.Fuzz TARGET FILE...</c> replays inputs and prints any exception (to reproduce a finding; use
/// the uninstrumented build, <c>dotnet run --project fuzz/Kith.Fuzz -- TARGET FILE</c>).
/// <c>Kith.Fuzz --list</c> lists the targets. fuzz/run drives all of this.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.Error.WriteLine("Usage: Kith.Fuzz TARGET [FILE...] | --list");
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "--list")
        {
            foreach (IFuzzTarget known in FuzzTargets.All)
            {
                Console.WriteLine(known.Name);
            }

            return 0;
        }

        IFuzzTarget? target = FuzzTargets.Find(args[0]);
        if (target is null)
        {
            Console.Error.WriteLine($"unknown target {args[0]}; known: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
            return 2;
        }

        return args.Length == 1 ? Fuzz(target) : Replay(target, args[1..]);
    }

    private static int Fuzz(IFuzzTarget target)
    {
        // One buffer for the whole run: AFL inputs are small, and allocating per execution would show up
        // in executions per second.
        var buffer = new MemoryStream();
        void RunOne(Stream stream)
        {
            buffer.SetLength(0);
            stream.CopyTo(buffer);
            target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        // In-process (persistent) mode runs about twice as many inputs per second as out-of-process mode
        // (measured on wire-reader, same machine and load). Out-of-process mode restarts a worker process
        // when an input kills it (stack overflow, fail-fast), which a target that recurses may need.
        if (Environment.GetEnvironmentVariable("KITH_FUZZ_OUT_OF_PROCESS") == "1")
        {
            Fuzzer.OutOfProcess.Run(RunOne);
        }
        else
        {
            Fuzzer.Run(RunOne);
        }

        return 0;
    }

    private static int Replay(IFuzzTarget target, string[] files)
    {
        int failed = 0;
        foreach (string file in files)
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
                Console.WriteLine($"ok     {file}");
            }
            catch (Exception e)
            {
                failed++;
                Console.WriteLine($"FAILED {file}: {e}");
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
