namespace Kith.Fuzz;

/// <summary>A fuzz target saw the code under test break one of its promises: a bug, reported as a crash.</summary>
public sealed class FuzzInvariantException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FuzzInvariantException()
    {
    }

    /// <summary>Creates the exception with a description of the broken promise.</summary>
    public FuzzInvariantException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a description and a cause.</summary>
    public FuzzInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws when <paramref name="condition"/> is false.</summary>
    public static void Check(bool condition, string promise)
    {
        if (!condition)
        {
            throw new FuzzInvariantException(promise);
        }
    }
}
