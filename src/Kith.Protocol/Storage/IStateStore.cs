using Kith.Primitives.Errors;

namespace Kith.Protocol.Storage;

/// <summary>
/// Durable key-value storage for a protocol machine's serialised state blobs (sessions, chains, counters),
/// addressed by a <c>kind</c> (a name Kith's code chooses, such as <c>ratchet.session</c>) and a key within
/// that kind. Like libsignal's store traits, the protocol only sees this interface; <see cref="InMemoryStateStore"/>
/// ships beside it and <c>Kith.Storage</c> implements it over encrypted SQLite.
/// </summary>
/// <remarks>
/// Implementations copy what they are given and what they return, so callers may reuse their buffers.
/// Kinds are separate namespaces: the same key under two kinds names two entries. Arguments beyond
/// <see cref="StateStoreArguments"/>'s bounds are caller bugs and throw.
/// </remarks>
public interface IStateStore
{
    /// <summary>
    /// The value stored under <paramref name="kind"/> and <paramref name="key"/>, <c>null</c> when there is none,
    /// or an error when a stored value cannot be read back intact (<c>storage.corrupt_value</c>).
    /// </summary>
    Result<byte[]?> Read(string kind, ReadOnlySpan<byte> key);

    /// <summary>Stores <paramref name="value"/>, replacing any previous value under the same kind and key.</summary>
    void Write(string kind, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>Removes the value under <paramref name="kind"/> and <paramref name="key"/>; <c>true</c> when there was one.</summary>
    bool Delete(string kind, ReadOnlySpan<byte> key);
}
