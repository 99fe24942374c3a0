using System.Diagnostics.CodeAnalysis;

namespace Kith.Primitives.Errors;

/// <summary>Either a value or a <see cref="KithError"/>; what every decoder and protocol step returns.</summary>
/// <typeparam name="T">The value produced on success.</typeparam>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, KithError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The error, or <c>null</c> when the result holds a value.</summary>
    public KithError? Error { get; }

    /// <summary>Whether the result holds a value.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsOk => Error is null;

    /// <summary>The value; throws <see cref="InvalidOperationException"/> (a caller bug) when this is an error.</summary>
    public T Value => IsOk ? _value! : throw new InvalidOperationException($"Result holds an error: {Error.Code}");

    /// <summary>Makes a successful result.</summary>
    public static Result<T> Ok(T value) => new(value, null);

    /// <summary>Makes a failed result.</summary>
    public static Result<T> Fail(KithError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Gets the value or the error.</summary>
    public bool TryGet([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out KithError? error)
    {
        value = _value;
        error = Error;
        return IsOk;
    }

    /// <summary>Maps the value, passing an error through unchanged.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map) =>
        IsOk ? Result<TOut>.Ok(map(_value!)) : Result<TOut>.Fail(Error);

    /// <summary>Implicit success.</summary>
    public static implicit operator Result<T>(T value) => Ok(value);

    /// <summary>Implicit failure.</summary>
    public static implicit operator Result<T>(KithError error) => Fail(error);

    /// <inheritdoc/>
    public override string ToString() => IsOk ? "Ok" : $"Fail({Error.Code})";
}

/// <summary>Helpers for results that carry no value.</summary>
public static class Result
{
    /// <summary>The unit success value.</summary>
    public static Result<Unit> Ok() => Result<Unit>.Ok(Unit.Value);
}

/// <summary>The type with one value, for results that carry none.</summary>
public readonly record struct Unit
{
    /// <summary>The only value.</summary>
    public static Unit Value => default;
}
