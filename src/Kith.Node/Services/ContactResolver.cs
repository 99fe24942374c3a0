using Kith.Primitives.Errors;
using Kith.Protocol.Contacts;

namespace Kith.Node.Services;

/// <summary>
/// Finds the contact a person means: the full account id, a prefix of at least <see cref="MinPrefixLength"/> hex
/// digits, or the display name (case-insensitive). Names are chosen by their owners, so two may collide; an
/// ambiguous match is refused rather than guessed.
/// </summary>
internal static class ContactResolver
{
    /// <summary>Shortest id prefix accepted: 8 hex digits (32 bits) make a collision among one person's contacts unlikely.</summary>
    public const int MinPrefixLength = 8;

    public static Result<ContactRecord> Resolve(IReadOnlyList<ContactRecord> contacts, string query)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        string wanted = (query ?? "").Trim();
        if (wanted.Length == 0)
        {
            return NodeErrors.UnknownContact;
        }

        List<ContactRecord> byId = wanted.Length >= MinPrefixLength && wanted.All(char.IsAsciiHexDigit)
            ? [.. contacts.Where(c => c.Account.ToString().StartsWith(wanted, StringComparison.OrdinalIgnoreCase))]
            : [];
        List<ContactRecord> matches = byId.Count > 0
            ? byId
            : [.. contacts.Where(c => string.Equals(c.DisplayName, wanted, StringComparison.OrdinalIgnoreCase))];
        return matches.Count switch
        {
            0 => NodeErrors.UnknownContact,
            1 => matches[0],
            _ => NodeErrors.AmbiguousContact,
        };
    }
}
