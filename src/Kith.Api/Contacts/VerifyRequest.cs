namespace Kith.Api.Contacts;

/// <summary>The person's decision after comparing safety numbers.</summary>
/// <param name="Decision">Validated after the digits matched, or compromised.</param>
/// <param name="ScannedPayload">The other side's QR payload when it was scanned; checked by the node.</param>
public sealed record VerifyRequest(VerifyDecision Decision, string? ScannedPayload = null);
