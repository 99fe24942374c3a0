using System.Text;
using Kith.Crypto;
using Kith.Primitives.Errors;

namespace Kith.Protocol.Noise;

/// <summary>
/// Noise's <c>HandshakeState</c> (Noise rev. 34 §5.3) for <c>25519_ChaChaPoly_BLAKE2b</c>: interprets a
/// <see cref="HandshakePattern"/> message by message. Sans-IO: bytes and an <see cref="IRandomSource"/>
/// for ephemeral keys go in; messages, payloads and finally a <see cref="NoiseTransport"/> come out.
/// </summary>
/// <remarks>
/// <para><b>Typestate.</b> A handshake has no way to encrypt transport messages. The last
/// <see cref="WriteMessage"/> or <see cref="ReadMessage"/> returns the <see cref="NoiseTransport"/> (built from
/// <c>Split()</c>), and nothing else can create one.</para>
/// <para><b>Failure.</b> A call out of turn or after completion returns <see cref="NoiseErrors.WrongStateCode"/>
/// and changes nothing. Any failure while processing a message (truncated, oversized, bad tag, low-order
/// point) aborts the handshake as §5.3 requires: its secrets are zeroed, <see cref="Status"/> becomes
/// <see cref="HandshakeStatus.Aborted"/> and every later call returns <see cref="NoiseErrors.AbortedCode"/>.
/// The one exception is a payload too large to send, refused before any state changes.</para>
/// <para><b>Keys.</b> The local static key pair stays the caller's (never disposed here); ephemeral keys,
/// the chaining key and copies of pre-shared keys belong to this object and are zeroed on completion,
/// abort or <see cref="Dispose"/>.</para>
/// <para>Not thread-safe: one handshake belongs to one link's driver.</para>
/// </remarks>
public sealed partial class HandshakeState : IDisposable
{
    /// <summary>DHLEN for Curve25519 (§12.1).</summary>
    public const int DhLength = X25519.PublicKeySize;

    /// <summary>Pre-shared key size (§9.1).</summary>
    public const int PskLength = 32;

    private readonly HandshakePattern _pattern;
    private readonly bool _initiator;
    private readonly IRandomSource _random;
    private readonly SymmetricState _symmetric;
    private readonly X25519KeyPair? _s;
    private readonly SecretBytes[] _psks;
    private X25519KeyPair? _e;
    private byte[]? _rs;
    private byte[]? _re;
    private byte[]? _finalHash;
    private int _messageIndex;
    private int _pskIndex;
    private bool _disposed;

    private HandshakeState(HandshakePattern pattern, NoiseRole role, IRandomSource random, X25519KeyPair? s,
        byte[]? rs, SecretBytes[] psks)
    {
        _pattern = pattern;
        Role = role;
        _initiator = role == NoiseRole.Initiator;
        _random = random;
        _s = s;
        _rs = rs;
        _psks = psks;
        _symmetric = SymmetricState.InitializeSymmetric(Encoding.ASCII.GetBytes(pattern.ProtocolName));
    }

    /// <summary>This party's role.</summary>
    public NoiseRole Role { get; }

    /// <summary>The pattern being run.</summary>
    public HandshakePattern Pattern => _pattern;

    /// <summary>In progress, complete or aborted.</summary>
    public HandshakeStatus Status { get; private set; } = HandshakeStatus.InProgress;

    /// <summary>Whether the next step is <see cref="WriteMessage"/> (otherwise <see cref="ReadMessage"/>, or none).</summary>
    public bool IsMyTurnToWrite => Status == HandshakeStatus.InProgress && (_messageIndex % 2 == 0) == _initiator;

    /// <summary>
    /// The peer's static public key once known (from a pre-message or an <c>s</c> token); empty before. In XX an
    /// initiator can check it after reading message 2, before revealing its own identity in message 3.
    /// </summary>
    public ReadOnlySpan<byte> RemoteStaticPublicKey => _rs;

    /// <summary>
    /// <c>Initialize(handshake_pattern, initiator, prologue, s, e, rs, re)</c> (§5.3), plus pre-shared keys (§9).
    /// Mixes the protocol name, the prologue (§6) and the pre-message public keys, initiator's first.
    /// </summary>
    /// <param name="pattern">The handshake pattern; both parties must use the same one.</param>
    /// <param name="role">Initiator or responder.</param>
    /// <param name="prologue">Data both parties must agree on (§6); a mismatch fails the first authenticated message.</param>
    /// <param name="random">Source of the ephemeral key (the seam the test vectors use to fix it).</param>
    /// <param name="localStatic">This party's static key pair, exactly when the pattern uses it; not disposed here.</param>
    /// <param name="remoteStatic">The peer's static public key, exactly when the pattern has it as a pre-message.</param>
    /// <param name="preSharedKeys">One 32-byte key per <c>psk</c> token, in order; copied.</param>
    /// <exception cref="ArgumentException">A key the pattern needs is missing, one it does not use is given, or a size is wrong.</exception>
    public static HandshakeState Initialize(HandshakePattern pattern, NoiseRole role, ReadOnlySpan<byte> prologue,
        IRandomSource random, X25519KeyPair? localStatic = null, ReadOnlySpan<byte> remoteStatic = default,
        IReadOnlyList<SecretBytes>? preSharedKeys = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(random);
        if (role is not (NoiseRole.Initiator or NoiseRole.Responder))
        {
            throw new ArgumentOutOfRangeException(nameof(role));
        }

        bool initiator = role == NoiseRole.Initiator;
        if (UsesStaticKey(pattern, initiator) != localStatic is not null)
        {
            throw new ArgumentException($"Pattern {pattern.Name} {(localStatic is null ? "needs" : "does not use")} a local static key.", nameof(localStatic));
        }

        IReadOnlyList<NoiseToken> remotePre = initiator ? pattern.ResponderPreMessage : pattern.InitiatorPreMessage;
        int expectedRemote = remotePre.Contains(NoiseToken.S) ? DhLength : 0;
        if (remoteStatic.Length != expectedRemote)
        {
            throw new ArgumentException($"Pattern {pattern.Name} needs a remote static key of {expectedRemote} bytes here.", nameof(remoteStatic));
        }

        preSharedKeys ??= [];
        if (preSharedKeys.Count != pattern.PskCount || preSharedKeys.Any(k => k.Length != PskLength))
        {
            throw new ArgumentException($"Pattern {pattern.Name} needs {pattern.PskCount} pre-shared keys of {PskLength} bytes.", nameof(preSharedKeys));
        }

        var state = new HandshakeState(pattern, role, random, localStatic,
            remoteStatic.IsEmpty ? null : remoteStatic.ToArray(), preSharedKeys.Select(k => k.Clone()).ToArray());
        state._symmetric.MixHash(prologue);
        if (pattern.InitiatorPreMessage.Contains(NoiseToken.S))
        {
            state._symmetric.MixHash(initiator ? localStatic!.PublicKey : remoteStatic);
        }

        if (pattern.ResponderPreMessage.Contains(NoiseToken.S))
        {
            state._symmetric.MixHash(initiator ? remoteStatic : localStatic!.PublicKey);
        }

        return state;
    }

    /// <summary>
    /// <c>GetHandshakeHash()</c> (§5.2, §11.2): <c>h</c> so far, or the final <c>h</c> once complete.
    /// </summary>
    /// <exception cref="InvalidOperationException">The handshake was aborted.</exception>
    public byte[] GetHandshakeHash()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Status switch
        {
            HandshakeStatus.InProgress => _symmetric.GetHandshakeHash(),
            HandshakeStatus.Complete => (byte[])_finalHash!.Clone(),
            _ => throw new InvalidOperationException("An aborted handshake has no handshake hash."),
        };
    }

    /// <summary>Zeroes every secret this handshake owns. A transport already handed out is unaffected.</summary>
    public void Dispose()
    {
        ZeroSecrets();
        _disposed = true;
    }

    /// <summary>Pattern, role, status and position; never a key.</summary>
    public override string ToString() =>
        $"HandshakeState({_pattern.ProtocolName}, {Role}, {Status}, message {_messageIndex}/{_pattern.MessageCount})";

    private static bool UsesStaticKey(HandshakePattern pattern, bool initiator)
    {
        IReadOnlyList<NoiseToken> pre = initiator ? pattern.InitiatorPreMessage : pattern.ResponderPreMessage;
        if (pre.Contains(NoiseToken.S))
        {
            return true;
        }

        for (int i = initiator ? 0 : 1; i < pattern.MessageCount; i += 2)
        {
            if (pattern.Message(i).Contains(NoiseToken.S))
            {
                return true;
            }
        }

        return false;
    }

    private KithError? CheckTurn(bool writing)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Status switch
        {
            HandshakeStatus.Aborted => NoiseErrors.Aborted(),
            HandshakeStatus.Complete => NoiseErrors.WrongState("Noise handshake is already complete; use its transport."),
            _ when IsMyTurnToWrite != writing => NoiseErrors.WrongState(writing
                ? "It is the peer's turn to send a Noise handshake message."
                : "It is this party's turn to send a Noise handshake message."),
            _ => null,
        };
    }

    /// <summary>§5.3: a failed handshake is over. Zeroes everything and makes every later call fail.</summary>
    private KithError Abort(KithError error)
    {
        Status = HandshakeStatus.Aborted;
        ZeroSecrets();
        _rs = null;
        _re = null;
        return error;
    }

    private void ZeroSecrets()
    {
        _symmetric.Dispose();
        _e?.Dispose();
        foreach (SecretBytes psk in _psks)
        {
            psk.Dispose();
        }
    }
}
