using Spectre.Console;

namespace Kith.Cli;

/// <summary>
/// Where a command writes: results to <see cref="Out"/> (through <see cref="Console"/> for tables and bars), the
/// one-sentence failures to <see cref="Error"/>. Tests pass string writers; the real program passes the terminal.
/// </summary>
internal sealed class CliIo
{
    public CliIo(TextWriter output, TextWriter error, bool interactive, TextReader? input = null)
    {
        In = input ?? TextReader.Null;
        Out = output ?? throw new ArgumentNullException(nameof(output));
        Error = error ?? throw new ArgumentNullException(nameof(error));
        Interactive = interactive;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    /// <summary>What the person types (<c>kith chat</c>); empty unless given.</summary>
    public TextReader In { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Whether a person is watching a terminal (progress bars, colours), as opposed to a pipe or a test.</summary>
    public bool Interactive { get; }

    public IAnsiConsole Console { get; }

    /// <summary>The process's own terminal.</summary>
    public static CliIo FromTerminal() =>
        new(System.Console.Out, System.Console.Error, !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected, System.Console.In);
}
