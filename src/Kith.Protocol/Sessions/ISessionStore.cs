using Kith.Primitives.Errors;
using Kith.Primitives.Ids;

namespace Kith.Protocol.Sessions;

/// <summary>
/// Where each <see cref="DeviceSession"/> is kept between steps, as <see cref="DeviceSession.Serialize"/>'s bytes,
/// keyed by (local device, peer device): one session per pair, as libsignal's <c>SessionStore</c> keys by
/// address. <see cref="InMemorySessionStore"/> ships beside it; a SQLite store keeps one encrypted row per pair.
/// </summary>
/// <remarks>
/// The state holds ratchet secrets. Implementations copy what they are given and return a copy the caller
/// owns (and should zero after deserialising). A state larger than <see cref="Kith.Primitives.Limits.MaxSessionStateSize"/>
/// is a caller bug and throws.
/// </remarks>
public interface ISessionStore
{
    /// <summary>
    /// The stored state of the session between <paramref name="local"/> and <paramref name="peer"/>, <c>null</c>
    /// when there is none, or an error when it cannot be read back intact (<c>storage.corrupt_value</c>).
    /// </summary>
    Result<byte[]?> Load(DeviceId local, DeviceId peer);

    /// <summary>Stores <paramref name="state"/>, replacing the pair's previous state.</summary>
    void Save(DeviceId local, DeviceId peer, ReadOnlySpan<byte> state);

    /// <summary>Forgets the pair's session (the peer was revoked or the session is reset); <c>true</c> when there was one.</summary>
    bool Delete(DeviceId local, DeviceId peer);
}
