using Kith.Crypto;
using Kith.Primitives.Ids;

namespace Kith.Protocol.Messaging;

/// <summary>
/// How both sides derive the same conversation id without agreeing on one: a domain-separated BLAKE2b-256 of
/// the member accounts (README, decision 1).
/// </summary>
public static class ConversationIds
{
    /// <summary>Domain label of 1:1 conversation ids.</summary>
    public static ReadOnlySpan<byte> OneToOneLabel => "Kith 1:1 conversation v1\0"u8;

    /// <summary>Domain label of own-account log ids.</summary>
    public static ReadOnlySpan<byte> OwnAccountLabel => "Kith own-account log v1\0"u8;

    /// <summary>The 1:1 conversation of two accounts: BLAKE2b-256(label ‖ smaller account id ‖ larger), the same from both sides.</summary>
    /// <exception cref="ArgumentException">Both ids are the same account (use <see cref="OwnAccount"/>).</exception>
    public static ConversationId OneToOne(AccountId first, AccountId second)
    {
        if (first == second)
        {
            throw new ArgumentException("A 1:1 conversation is between two different accounts.", nameof(second));
        }

        (AccountId low, AccountId high) = first.CompareTo(second) < 0 ? (first, second) : (second, first);
        return ConversationId.FromBytes(Blake2b.Hash256(OneToOneLabel.ToArray(), low.ToArray(), high.ToArray()));
    }

    /// <summary>The account's own log (contacts, deletions, read state, settings): BLAKE2b-256(label ‖ account id).</summary>
    public static ConversationId OwnAccount(AccountId account) =>
        ConversationId.FromBytes(Blake2b.Hash256(OwnAccountLabel.ToArray(), account.ToArray()));
}
