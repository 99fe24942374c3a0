namespace Kith.Primitives.Errors;

/// <summary>
/// The outcome of rejected untrusted input or a failed operation, as a value (never an exception).
/// </summary>
/// <remarks>
/// Like libsignal's errors, a <see cref="KithError"/> never carries user content or key material:
/// <see cref="Code"/> is a stable dotted identifier (<c>ratchet.bad_mac</c>) and <see cref="Detail"/> is
/// a fixed sentence written by Kith, possibly with sizes or indexes, never bytes that came from a peer.
/// </remarks>
/// <param name="Code">Stable identifier, <c>component.reason</c>; tests and callers switch on it.</param>
/// <param name="Scope">How far the damage reaches.</param>
/// <param name="Retryable">Whether trying the same thing again later can succeed (Npgsql's <c>IsTransient</c>).</param>
/// <param name="Detail">One sentence for people and logs; contains no secrets and no peer-supplied data.</param>
public sealed record KithError(string Code, ErrorScope Scope, bool Retryable, string Detail)
{
    /// <summary>A non-retryable rejection of one input.</summary>
    public static KithError Reject(string code, string detail) => new(code, ErrorScope.Input, false, detail);

    /// <inheritdoc/>
    public override string ToString() => $"{Code} ({Scope}{(Retryable ? ", retryable" : "")}): {Detail}";
}
