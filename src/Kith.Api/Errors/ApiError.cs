namespace Kith.Api.Errors;

/// <summary>
/// The body of every refused request: a stable code clients may switch on, and one sentence for the person.
/// The sentence never carries input the request sent (the node's errors follow Kith.Primitives' KithError).
/// </summary>
/// <param name="Code">A dotted identifier such as <c>card.bad_checksum</c> or <c>api.unknown_contact</c>.</param>
/// <param name="Message">One sentence saying what went wrong and, where it helps, what to do.</param>
public sealed record ApiError(string Code, string Message);
