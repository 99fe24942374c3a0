using System.Diagnostics.CodeAnalysis;

namespace Kith.Cli.Client;

/// <summary>A value from the node, or the <see cref="CliFailure"/> that stopped the command.</summary>
internal readonly record struct CliResult<T>(T? Value, CliFailure? Failure)
{
    public static implicit operator CliResult<T>(T value) => new(value, null);

    public static implicit operator CliResult<T>(CliFailure failure) => new(default, failure);

    public bool TryGet([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out CliFailure? failure)
    {
        value = Value;
        failure = Failure;
        return Failure is null && value is not null;
    }
}
