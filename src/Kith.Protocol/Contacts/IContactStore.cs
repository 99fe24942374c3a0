using Kith.Primitives.Ids;

namespace Kith.Protocol.Contacts;

/// <summary>
/// Where contact records are kept, keyed by account. A SQLite store keeps one row per contact
/// (<c>account BLOB PRIMARY KEY, record BLOB</c> from <see cref="ContactRecord.ToBytes"/>).
/// </summary>
public interface IContactStore
{
    /// <summary>The record for <paramref name="account"/>, or null.</summary>
    ContactRecord? Find(AccountId account);

    /// <summary>Inserts or replaces the record for its account.</summary>
    void Put(ContactRecord record);

    /// <summary>Every record, ordered by account.</summary>
    IReadOnlyList<ContactRecord> All();
}
