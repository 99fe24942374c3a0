using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;

namespace Kith.Node.Services;

/// <summary>
/// Finds the device of this account a person means: its full id or a prefix of at least
/// <see cref="ContactResolver.MinPrefixLength"/> hex digits, among members and revoked devices; an ambiguous prefix
/// is refused rather than guessed (revoking the wrong device cannot be undone).
/// </summary>
internal static class DeviceResolver
{
    public static Result<DeviceId> Resolve(AccountView account, string query)
    {
        ArgumentNullException.ThrowIfNull(account);
        string wanted = (query ?? "").Trim();
        if (wanted.Length < ContactResolver.MinPrefixLength || !wanted.All(char.IsAsciiHexDigit))
        {
            return NodeErrors.UnknownDevice;
        }

        List<DeviceId> matches = [.. account.Members.Concat(account.Revoked)
            .Where(d => d.ToString().StartsWith(wanted, StringComparison.OrdinalIgnoreCase))];
        return matches.Count switch
        {
            0 => NodeErrors.UnknownDevice,
            1 when account.Revoked.Contains(matches[0]) => NodeErrors.AlreadyRevoked,
            1 => matches[0],
            _ => NodeErrors.AmbiguousDevice,
        };
    }
}
