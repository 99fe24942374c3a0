using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Wire.Sessions;

/// <summary>Which kind of device-to-device message an envelope carries. Persisted and sent: values never change.</summary>
public enum SessionEnvelopeKind : byte
{
    /// <summary>A PQXDH initial message whose payload is a ratchet message (Signal's <c>PreKeySignalMessage</c>).</summary>
    Prekey = 1,

    /// <summary>A Double Ratchet message on an established session (Signal's <c>SignalMessage</c>).</summary>
    Ratchet = 2,
}

/// <summary>
/// The outer frame of every pairwise message between two devices: a version byte, the kind, and the
/// body. The initiator sends <see cref="SessionEnvelopeKind.Prekey"/> envelopes until the responder has
/// answered once (PQXDH §3.3: the initial message travels with the first ratchet messages), then
/// <see cref="SessionEnvelopeKind.Ratchet"/> ones.
/// </summary>
/// <param name="Kind">What the body holds.</param>
/// <param name="Body">A <c>PqxdhInitialMessage</c> encoding or a <c>RatchetMessage</c> encoding.</param>
public sealed record SessionEnvelope(SessionEnvelopeKind Kind, byte[] Body)
{
    /// <summary>Current envelope version.</summary>
    public const byte Version = 1;

    /// <summary>Encodes the envelope.</summary>
    public byte[] ToBytes() => new WireWriter(Body.Length + 2).Byte(Version).Byte((byte)Kind).Bytes(Body).ToArray();

    /// <summary>Decodes untrusted bytes; the body is checked by the decoder of its kind.</summary>
    public static Result<SessionEnvelope> Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new WireReader(bytes);
        if (!reader.TryReadByte(out byte version) || !reader.TryReadByte(out byte kind))
        {
            return reader.Error!;
        }

        if (version != Version)
        {
            return WireErrors.UnknownVersion;
        }

        if (kind is not ((byte)SessionEnvelopeKind.Prekey or (byte)SessionEnvelopeKind.Ratchet))
        {
            return WireErrors.Malformed;
        }

        if (reader.Remaining > Limits.MaxSessionEnvelopeBody)
        {
            return WireErrors.Oversized;
        }

        _ = reader.TryReadSpan(reader.Remaining, out ReadOnlySpan<byte> body);
        return new SessionEnvelope((SessionEnvelopeKind)kind, body.ToArray());
    }
}
