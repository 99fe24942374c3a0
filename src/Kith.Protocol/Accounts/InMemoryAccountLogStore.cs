using Kith.Primitives.Ids;
using Kith.Wire.Accounts;

namespace Kith.Protocol.Accounts;

/// <summary>An <see cref="IAccountLogStore"/> in memory, for tests and simulations.</summary>
public sealed class InMemoryAccountLogStore : IAccountLogStore
{
    private readonly Dictionary<AccountId, List<(EventId Id, byte[] Bytes)>> _logs = [];

    /// <inheritdoc/>
    public void Append(AccountId account, AccountEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_logs.TryGetValue(account, out List<(EventId Id, byte[] Bytes)>? log))
        {
            _logs[account] = log = [];
        }

        if (!log.Exists(stored => stored.Id == entry.Id))
        {
            log.Add((entry.Id, entry.ToBytes()));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<byte[]> Load(AccountId account) =>
        _logs.TryGetValue(account, out List<(EventId Id, byte[] Bytes)>? log) ? [.. log.Select(e => (byte[])e.Bytes.Clone())] : [];

    /// <inheritdoc/>
    public bool Contains(AccountId account) => _logs.ContainsKey(account);
}
