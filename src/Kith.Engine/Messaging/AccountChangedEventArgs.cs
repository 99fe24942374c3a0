using Kith.Primitives.Ids;

namespace Kith.Engine.Messaging;

/// <summary>An account's log or device records changed on this device (after the step committed).</summary>
/// <param name="account">The own account or a contact's.</param>
public sealed class AccountChangedEventArgs(AccountId account) : EventArgs
{
    /// <summary>The account whose log or records changed.</summary>
    public AccountId Account { get; } = account;
}
