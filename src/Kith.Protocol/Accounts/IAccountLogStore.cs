using Kith.Primitives.Ids;
using Kith.Wire.Accounts;

namespace Kith.Protocol.Accounts;

/// <summary>
/// Where account logs are kept, the own account's and every contact's: entries as their encoded bytes,
/// in the order they were accepted (parents first), so a log is rebuilt with <see cref="AccountLog.Load"/>.
/// Callers append only entries an <see cref="AccountLog"/> accepted. A SQLite store keeps one row per entry
/// (<c>account BLOB, seq INTEGER, id BLOB, entry BLOB</c>).
/// </summary>
public interface IAccountLogStore
{
    /// <summary>Appends an accepted entry; appending an entry already stored does nothing.</summary>
    void Append(AccountId account, AccountEntry entry);

    /// <summary>The stored entries of <paramref name="account"/> in accepted order; empty when none.</summary>
    IReadOnlyList<byte[]> Load(AccountId account);

    /// <summary>Whether the account has any stored entry.</summary>
    bool Contains(AccountId account);
}
