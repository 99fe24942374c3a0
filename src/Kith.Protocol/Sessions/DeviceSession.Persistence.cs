using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Ratchet;
using Kith.Wire;
using Kith.Wire.Pqxdh;

namespace Kith.Protocol.Sessions;

public sealed partial class DeviceSession
{
    private const byte StateVersion = 1;

    /// <summary>
    /// The whole session as bytes (version byte first), holding ratchet secrets: store it only encrypted
    /// (Kith.Storage encrypts every value).
    /// </summary>
    public byte[] Serialize()
    {
        var writer = new WireWriter(512).Byte(StateVersion).Bytes(LocalDevice.Span).Bytes(PeerDevice.Span);
        if (_pendingHeader is null)
        {
            writer.Byte(0);
        }
        else
        {
            writer.Byte(1);
            _pendingHeader.Encode(writer);
        }

        byte[] ratchet = Ratchet.Serialize();
        try
        {
            return writer.Prefixed32(ratchet).ToArray();
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(ratchet);
        }
    }

    /// <summary>Restores a session from <see cref="Serialize"/>'s bytes; corrupt input is an error, never an exception.</summary>
    public static Result<DeviceSession> Deserialize(ReadOnlySpan<byte> state)
    {
        var reader = new WireReader(state);
        if (!reader.TryReadByte(out byte version) || version != StateVersion
            || !reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> local)
            || !reader.TryReadSpan(Id32.Size, out ReadOnlySpan<byte> peer)
            || !reader.TryReadByte(out byte hasPending) || hasPending > 1)
        {
            return SessionErrors.BadState;
        }

        PqxdhInitialHeader? pending = null;
        if (hasPending == 1 && !PqxdhInitialHeader.TryRead(ref reader, out pending))
        {
            return SessionErrors.BadState;
        }

        if (!reader.TryReadPrefixed32(Limits.MaxSessionStateSize, out ReadOnlySpan<byte> ratchetState) || !reader.TryFinish(out _))
        {
            return SessionErrors.BadState;
        }

        Result<RatchetSession> ratchet = RatchetSession.Deserialize(ratchetState);
        return ratchet.IsOk
            ? new DeviceSession(DeviceId.FromBytes(local), DeviceId.FromBytes(peer), ratchet.Value, pending)
            : SessionErrors.BadState;
    }
}
