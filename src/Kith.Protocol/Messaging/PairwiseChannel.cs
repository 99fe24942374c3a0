using System.Security.Cryptography;
using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Prekeys;
using Kith.Protocol.Sessions;
using Kith.Protocol.Storage;
using Kith.Wire;
using Kith.Wire.Prekeys;
using Kith.Wire.Pqxdh;
using Kith.Wire.Sessions;

namespace Kith.Protocol.Messaging;

/// <summary>
/// This device's pairwise <see cref="DeviceSession"/>s as announcements use them: seal to a member device (starting
/// a session from its prekeys when there is none, PQXDH §3.3) and open what a member device sealed.
/// </summary>
/// <remarks>
/// Two devices that both start a session before hearing from each other end up with two sessions. As in Sesame
/// (§2: a device keeps several sessions per peer and tries each), the session this device replaces when it accepts
/// the peer's new one is kept as the <em>previous</em> session (IStateStore kind <c>session.previous</c>), so the
/// peer's messages on either keep opening. Every step saves the sessions it changed.
/// <para>
/// A PQXDH initial message without a one-time prekey can be replayed (PQXDH §4.2, X3DH §4.2). As libsignal
/// reuses the session whose base key matches instead of starting another, this device records each initial
/// header it accepted (kind <c>session.accepted</c>, key local ‖ peer ‖ BLAKE2b-256 of the header) and refuses to
/// accept it again, so a relayed copy of an old part cannot replace a live session.
/// </para>
/// </remarks>
internal sealed class PairwiseChannel(DevicePrekeySecrets local, ISessionStore sessions, IStateStore state,
    Func<DeviceId, DevicePrekeys?> prekeysOf)
{
    /// <summary>IStateStore kind of the session replaced by an accepted one.</summary>
    public const string PreviousSessionKind = "session.previous";

    /// <summary>IStateStore kind of the initial headers already accepted from a peer.</summary>
    public const string AcceptedHeaderKind = "session.accepted";

    public DeviceId Local => local.Published.Device;

    /// <summary>Encrypts <paramref name="plaintext"/> for <paramref name="peer"/> into a session envelope.</summary>
    public Result<byte[]> Seal(DeviceId peer, ReadOnlySpan<byte> plaintext, IRandomSource random)
    {
        Result<DeviceSession?> loaded = Load(peer);
        if (!loaded.TryGet(out DeviceSession? session, out KithError? error))
        {
            return error;
        }

        if (session is null)
        {
            DevicePrekeys? prekeys = prekeysOf(peer);
            if (prekeys is null)
            {
                return MessagingErrors.NoPrekeys;
            }

            Result<DeviceSession> started = DeviceSession.Initiate(local, peer, prekeys, random);
            if (!started.TryGet(out session, out error))
            {
                return error;
            }
        }

        using (session)
        {
            byte[] envelope = session.Encrypt(plaintext, random);
            Save(session);
            return envelope;
        }
    }

    /// <summary>Decrypts an envelope <paramref name="peer"/> sealed for this device; on error nothing changes.</summary>
    public Result<byte[]> Open(DeviceId peer, ReadOnlySpan<byte> envelope)
    {
        Result<DeviceSession?> loaded = Load(peer);
        if (!loaded.TryGet(out DeviceSession? active, out KithError? error))
        {
            return error;
        }

        using (active)
        {
            if (active is not null && active.Decrypt(envelope).TryGet(out byte[]? plaintext, out _))
            {
                Save(active);
                return plaintext;
            }

            if (TryPrevious(peer, envelope) is { } fromPrevious)
            {
                return fromPrevious;
            }

            return Accept(peer, envelope, active);
        }
    }

    private byte[]? TryPrevious(DeviceId peer, ReadOnlySpan<byte> envelope)
    {
        byte[] key = PairKey(peer);
        if (!state.Read(PreviousSessionKind, key).TryGet(out byte[]? stored, out _) || stored is null)
        {
            return null;
        }

        Result<DeviceSession> restored = DeviceSession.Deserialize(stored);
        CryptographicOperations.ZeroMemory(stored);
        if (!restored.TryGet(out DeviceSession? previous, out _))
        {
            return null;
        }

        using (previous)
        {
            if (!previous.Decrypt(envelope).TryGet(out byte[]? plaintext, out _))
            {
                return null;
            }

            WriteSecret(PreviousSessionKind, key, previous.Serialize());
            return plaintext;
        }
    }

    private Result<byte[]> Accept(DeviceId peer, ReadOnlySpan<byte> envelope, DeviceSession? replaced)
    {
        // Check who set the session up before accepting: accepting consumes one-time prekeys.
        Result<SessionEnvelope> outer = SessionEnvelope.Decode(envelope);
        if (!outer.TryGet(out SessionEnvelope? decoded, out KithError? error))
        {
            return error;
        }

        if (decoded.Kind != SessionEnvelopeKind.Prekey)
        {
            return SessionErrors.NoSession;
        }

        Result<PqxdhInitialMessage> initial = PqxdhInitialMessage.Decode(decoded.Body);
        if (!initial.TryGet(out PqxdhInitialMessage? message, out error))
        {
            return error;
        }

        if (message.Header.InitiatorDevice != peer)
        {
            return MessagingErrors.WrongPartAuthor;
        }

        var header = new WireWriter();
        message.Header.Encode(header);
        byte[] acceptedKey = [.. PairKey(peer), .. Blake2b.Hash256(header.ToArray())];
        if (state.Read(AcceptedHeaderKind, acceptedKey) is { IsOk: true, Value: not null })
        {
            return MessagingErrors.ReplayedSessionStart;
        }

        Result<(DeviceSession Session, byte[] Plaintext)> accepted = DeviceSession.Accept(local, envelope);
        if (!accepted.TryGet(out (DeviceSession Session, byte[] Plaintext) result, out error))
        {
            return error;
        }

        using (result.Session)
        {
            if (replaced is not null)
            {
                WriteSecret(PreviousSessionKind, PairKey(peer), replaced.Serialize());
            }

            Save(result.Session);
            state.Write(AcceptedHeaderKind, acceptedKey, [1]);
            return result.Plaintext;
        }
    }

    private Result<DeviceSession?> Load(DeviceId peer)
    {
        Result<byte[]?> stored = sessions.Load(Local, peer);
        if (!stored.TryGet(out byte[]? bytes, out KithError? error))
        {
            return error;
        }

        if (bytes is null)
        {
            return Result<DeviceSession?>.Ok(null);
        }

        Result<DeviceSession> session = DeviceSession.Deserialize(bytes);
        CryptographicOperations.ZeroMemory(bytes);
        return session.TryGet(out DeviceSession? restored, out error) ? restored : error;
    }

    private void Save(DeviceSession session)
    {
        byte[] bytes = session.Serialize();
        sessions.Save(Local, session.PeerDevice, bytes);
        CryptographicOperations.ZeroMemory(bytes);
    }

    private void WriteSecret(string kind, byte[] key, byte[] secret)
    {
        state.Write(kind, key, secret);
        CryptographicOperations.ZeroMemory(secret);
    }

    private byte[] PairKey(DeviceId peer) => [.. Local.Span, .. peer.Span];

    /// <summary>Names the local device only.</summary>
    public override string ToString() => $"PairwiseChannel({Local})";
}
