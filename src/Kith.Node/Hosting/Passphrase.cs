using System.Text;
using Kith.Primitives;

namespace Kith.Node.Hosting;

/// <summary>
/// The store's passphrase: from <see cref="EnvironmentVariable"/> (for scripts and services), else typed at a
/// prompt without echo. Returned as UTF-8, which <c>KithDatabase</c> takes; the caller zeroes it after use.
/// </summary>
internal static class Passphrase
{
    /// <summary>The environment variable read first.</summary>
    public const string EnvironmentVariable = "KITH_PASSPHRASE";

    /// <summary>
    /// The passphrase, or null when there is none: the variable is unset and no terminal can be prompted, or the
    /// person typed nothing. <paramref name="confirm"/> asks twice (when a new store is created) and gives null on
    /// a mismatch.
    /// </summary>
    public static byte[]? Read(Func<string, string?> environment, bool confirm, TextWriter prompt)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(prompt);
        if (environment(EnvironmentVariable) is { Length: > 0 and <= Limits.MaxPassphraseLength } fromEnvironment)
        {
            return Encoding.UTF8.GetBytes(fromEnvironment);
        }

        if (Console.IsInputRedirected)
        {
            return null;
        }

        string? first = Prompt(prompt, "Passphrase for this device's store: ");
        if (string.IsNullOrEmpty(first) || (confirm && Prompt(prompt, "Type it again: ") != first))
        {
            return null;
        }

        return Encoding.UTF8.GetBytes(first);
    }

    private static string? Prompt(TextWriter prompt, string text)
    {
        prompt.Write(text);
        var typed = new StringBuilder();
        while (typed.Length <= Limits.MaxPassphraseLength)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                prompt.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        prompt.WriteLine();
        return null;
    }
}
