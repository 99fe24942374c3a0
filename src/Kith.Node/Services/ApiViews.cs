using Kith.Api.Contacts;
using Kith.Protocol.Contacts;
using Kith.Protocol.Trust;

namespace Kith.Node.Services;

/// <summary>Maps protocol records to the API's DTOs; enum values are mapped by name so neither side's numbers leak into the other.</summary>
internal static class ApiViews
{
    public static ContactView Contact(ContactRecord record, int devices)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ContactView(record.Account.ToString(), record.DisplayName, Trust(record.State),
            record.Reason == CompromiseReason.None ? null : Reason(record.Reason), devices, record.UpdatedAtUnixMs);
    }

    private static TrustLevel Trust(TrustState state) => state switch
    {
        TrustState.Unvalidated => TrustLevel.Unvalidated,
        TrustState.Validated => TrustLevel.Validated,
        TrustState.Compromised => TrustLevel.Compromised,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    private static CompromiseKind Reason(CompromiseReason reason) => reason switch
    {
        CompromiseReason.MarkedByUser => CompromiseKind.MarkedByUser,
        CompromiseReason.AccountForked => CompromiseKind.AccountForked,
        CompromiseReason.IdentityChanged => CompromiseKind.IdentityChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
