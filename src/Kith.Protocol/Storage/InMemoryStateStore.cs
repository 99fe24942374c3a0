using Kith.Primitives.Errors;

namespace Kith.Protocol.Storage;

/// <summary>
/// An <see cref="IStateStore"/> in a dictionary, for tests and simulations (libsignal ships its in-memory
/// stores beside the traits the same way). Not durable. Thread-safe by a single lock.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly Dictionary<Entry, byte[]> _values = [];
    private readonly Lock _lock = new();

    /// <summary>Number of stored values.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _values.Count;
            }
        }
    }

    /// <inheritdoc/>
    public Result<byte[]?> Read(string kind, ReadOnlySpan<byte> key)
    {
        StateStoreArguments.ThrowIfInvalid(kind, key);
        lock (_lock)
        {
            return _values.TryGetValue(new Entry(kind, key.ToArray()), out byte[]? value) ? (byte[])value.Clone() : Result<byte[]?>.Ok(null);
        }
    }

    /// <inheritdoc/>
    public void Write(string kind, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        StateStoreArguments.ThrowIfInvalid(kind, key, value);
        lock (_lock)
        {
            _values[new Entry(kind, key.ToArray())] = value.ToArray();
        }
    }

    /// <inheritdoc/>
    public bool Delete(string kind, ReadOnlySpan<byte> key)
    {
        StateStoreArguments.ThrowIfInvalid(kind, key);
        lock (_lock)
        {
            return _values.Remove(new Entry(kind, key.ToArray()));
        }
    }

    /// <summary>A kind and key compared by content (byte arrays compare by reference otherwise).</summary>
    private readonly struct Entry(string kind, byte[] key) : IEquatable<Entry>
    {
        private readonly string _kind = kind;
        private readonly byte[] _key = key;

        public bool Equals(Entry other) => _kind == other._kind && _key.AsSpan().SequenceEqual(other._key);

        public override bool Equals(object? obj) => obj is Entry other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(_kind);
            hash.AddBytes(_key);
            return hash.ToHashCode();
        }
    }
}
