using Kith.Primitives.Errors;

namespace Kith.Protocol.Ratchet;

public sealed partial class RatchetSession
{
    /// <summary>
    /// The whole session state (every variable of §4.3, skipped keys included), starting with a
    /// version byte. The bytes hold secrets: store them encrypted and zero them when done.
    /// </summary>
    public byte[] Serialize()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return RatchetStateCodec.Serialize(_state);
    }

    /// <summary>
    /// Rebuilds a session from <see cref="Serialize"/>'s output. Validates everything and never throws:
    /// garbage gives <c>ratchet.bad_state</c> or <c>ratchet.unknown_state_version</c>.
    /// </summary>
    public static Result<RatchetSession> Deserialize(ReadOnlySpan<byte> state) =>
        RatchetStateCodec.Deserialize(state).Map(s => new RatchetSession(s));
}
