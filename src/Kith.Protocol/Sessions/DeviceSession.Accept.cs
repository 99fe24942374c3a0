using Kith.Primitives.Errors;
using Kith.Protocol.Pqxdh;
using Kith.Protocol.Prekeys;
using Kith.Protocol.Ratchet;
using Kith.Wire.Pqxdh;
using Kith.Wire.Sessions;

namespace Kith.Protocol.Sessions;

public sealed partial class DeviceSession
{
    /// <summary>
    /// Accepts a new session from a prekey envelope (PQXDH §3.4): agrees on SK, initialises the ratchet as
    /// the responder with the signed prekey as its first ratchet key, and decrypts the payload. Only when
    /// that decryption succeeds are the used one-time prekeys deleted from <paramref name="local"/>, so a
    /// forged or corrupted initial message consumes nothing.
    /// </summary>
    /// <returns>The new session and the first plaintext.</returns>
    public static Result<(DeviceSession Session, byte[] Plaintext)> Accept(DevicePrekeySecrets local, ReadOnlySpan<byte> envelope)
    {
        ArgumentNullException.ThrowIfNull(local);
        Result<SessionEnvelope> decoded = SessionEnvelope.Decode(envelope);
        if (!decoded.TryGet(out SessionEnvelope? outer, out KithError? error))
        {
            return error;
        }

        if (outer.Kind != SessionEnvelopeKind.Prekey)
        {
            return SessionErrors.NoSession;
        }

        Result<PqxdhInitialMessage> initial = PqxdhInitialMessage.Decode(outer.Body);
        if (!initial.TryGet(out PqxdhInitialMessage? message, out error))
        {
            return error;
        }

        Result<PqxdhResponse> agreed = PqxdhResponder.Respond(local, message.Header);
        if (!agreed.TryGet(out PqxdhResponse? response, out error))
        {
            return error;
        }

        using (response)
        {
            RatchetSession ratchet = RatchetSession.InitializeResponder(
                response.SharedKey.Span, response.AssociatedData, response.RatchetKeyPair.PrivateKey.Span);
            Result<byte[]> plaintext = ratchet.Decrypt(message.Payload);
            if (!plaintext.IsOk)
            {
                ratchet.Dispose();
                return plaintext.Error;
            }

            response.CommitConsumedPrekeys(local);
            return (new DeviceSession(response.ResponderDevice, response.InitiatorDevice, ratchet, null), plaintext.Value);
        }
    }
}
