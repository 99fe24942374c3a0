using Kith.Primitives.Ids;

namespace Kith.Protocol.Accounts;

/// <summary>
/// One reason an account log is forked: <see cref="Revocation"/> revokes <see cref="Device"/>, while
/// <see cref="Conflicting"/>, a membership change by that same device, did not see the revocation (it is not
/// one of the revocation's ancestors). Two members revoking each other give two such conflicts; a stolen
/// device adding a device of its own while being revoked gives one.
/// </summary>
/// <param name="Revocation">The revoke-device entry.</param>
/// <param name="Device">The revoked device.</param>
/// <param name="Conflicting">The concurrent add-device or revoke-device entry written by <paramref name="Device"/>.</param>
public sealed record AccountConflict(EventId Revocation, DeviceId Device, EventId Conflicting);
