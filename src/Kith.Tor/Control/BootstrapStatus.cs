using System.Globalization;
using Kith.Primitives.Errors;

namespace Kith.Tor.Control;

/// <summary>
/// Tor's bootstrap progress (control-spec §4.1.10 <c>STATUS_CLIENT ... BOOTSTRAP PROGRESS=num TAG=Keyword SUMMARY=String</c>;
/// the same text answers <c>GETINFO status/bootstrap-phase</c>, §3.9).
/// </summary>
/// <param name="Progress">Percent done, 0–100.</param>
/// <param name="Tag">Tor's phase keyword (<c>conn</c>, <c>loading_descriptors</c>, <c>done</c>, ...).</param>
/// <param name="Warning">Whether tor reported this phase as a problem (severity <c>WARN</c>).</param>
public sealed record BootstrapStatus(int Progress, string Tag, bool Warning)
{
    /// <summary>Whether tor has finished bootstrapping.</summary>
    public bool IsDone => Progress == 100;

    /// <summary>
    /// Reads <c>Severity BOOTSTRAP PROGRESS=n TAG=t ...</c>, as found after <c>STATUS_CLIENT</c> or after
    /// <c>status/bootstrap-phase=</c>. Returns <c>null</c> (no error) for other status events.
    /// </summary>
    public static Result<BootstrapStatus?> Parse(string text)
    {
        var parsed = ControlArguments.Parse(text);
        if (!parsed.TryGet(out var args, out var error))
        {
            return error;
        }

        var words = args.Positional;
        var at = words.Count >= 2 && words[0] == "STATUS_CLIENT" ? 1 : 0;
        if (words.Count < at + 2 || words[at + 1] != "BOOTSTRAP")
        {
            return Result<BootstrapStatus?>.Ok(null);
        }

        if (!int.TryParse(args["PROGRESS"], NumberStyles.None, CultureInfo.InvariantCulture, out var progress) || progress > 100)
        {
            return ControlErrors.Malformed;
        }

        return new BootstrapStatus(progress, args["TAG"] ?? "", words[at] == "WARN");
    }
}
