using System.Security.Cryptography;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Protocol.Sessions;

/// <summary>An <see cref="ISessionStore"/> in memory, for tests and simulations; replaced and deleted states are zeroed.</summary>
public sealed class InMemorySessionStore : ISessionStore
{
    private readonly Dictionary<(DeviceId Local, DeviceId Peer), byte[]> _states = [];

    /// <inheritdoc/>
    public Result<byte[]?> Load(DeviceId local, DeviceId peer) =>
        _states.TryGetValue((local, peer), out byte[]? state) ? (byte[])state.Clone() : Result<byte[]?>.Ok(null);

    /// <inheritdoc/>
    public void Save(DeviceId local, DeviceId peer, ReadOnlySpan<byte> state)
    {
        ThrowIfOversized(state);
        Delete(local, peer);
        _states[(local, peer)] = state.ToArray();
    }

    /// <inheritdoc/>
    public bool Delete(DeviceId local, DeviceId peer)
    {
        if (!_states.Remove((local, peer), out byte[]? state))
        {
            return false;
        }

        CryptographicOperations.ZeroMemory(state);
        return true;
    }

    /// <summary>The bound every <see cref="ISessionStore"/> enforces on <see cref="ISessionStore.Save"/>.</summary>
    public static void ThrowIfOversized(ReadOnlySpan<byte> state)
    {
        if (state.Length > Limits.MaxSessionStateSize)
        {
            throw new ArgumentException("A session state is at most Limits.MaxSessionStateSize bytes.", nameof(state));
        }
    }

    /// <summary>Names the type only: the store holds ratchet secrets.</summary>
    public override string ToString() => nameof(InMemorySessionStore);
}
