using Kith.Primitives.Ids;

namespace Kith.Protocol.Contacts;

/// <summary>An <see cref="IContactStore"/> in memory; it stores the encoded bytes, as a database would.</summary>
public sealed class InMemoryContactStore : IContactStore
{
    private readonly SortedDictionary<AccountId, byte[]> _records = [];

    /// <inheritdoc/>
    public ContactRecord? Find(AccountId account) =>
        _records.TryGetValue(account, out byte[]? bytes) ? ContactRecord.Decode(bytes).Value : null;

    /// <inheritdoc/>
    public void Put(ContactRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records[record.Account] = record.ToBytes();
    }

    /// <inheritdoc/>
    public IReadOnlyList<ContactRecord> All() => [.. _records.Values.Select(bytes => ContactRecord.Decode(bytes).Value)];
}
