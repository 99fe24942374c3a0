using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Protocol.Noise;

/// <summary>
/// The transport phase of a completed Noise handshake (Noise rev. 34 §5: after <c>Split()</c>): one
/// <see cref="CipherState"/> per direction, with empty associated data, plus the handshake hash for channel
/// binding (§11.2). Only a completed <see cref="HandshakeState"/> can create one.
/// </summary>
/// <remarks>
/// <para>Messages are at most 65535 bytes (§3). A rejected message (oversized, truncated, bad tag) changes
/// nothing: the receive nonce does not advance, so the next genuine message still decrypts. When a
/// nonce reaches the reserved 2^64−1 (§5.1) the direction is exhausted and the session must be re-established.</para>
/// <para>Both sides must call <see cref="RekeySend"/> and the peer's <see cref="RekeyReceive"/> at the same point
/// in the message stream (§11.3); when is the application's rule.</para>
/// <para>In a one-way pattern (§7.4) the initiator can only send and the responder only receive.</para>
/// <para>Not thread-safe; the two directions share no state, but each direction's nonce must advance in order.</para>
/// </remarks>
public sealed class NoiseTransport : IDisposable
{
    private readonly CipherState? _send;
    private readonly CipherState? _receive;
    private readonly byte[] _handshakeHash;
    private readonly byte[] _remoteStatic;
    private bool _disposed;

    internal NoiseTransport(NoiseRole role, CipherState? send, CipherState? receive, byte[] handshakeHash, byte[]? remoteStatic)
    {
        Role = role;
        _send = send;
        _receive = receive;
        _handshakeHash = handshakeHash;
        _remoteStatic = remoteStatic ?? [];
    }

    /// <summary>This party's role in the handshake.</summary>
    public NoiseRole Role { get; }

    /// <summary>The final handshake hash <c>h</c> (64 bytes), identical on both sides: the channel binding value (§11.2).</summary>
    public ReadOnlySpan<byte> HandshakeHash => _handshakeHash;

    /// <summary>The peer's static public key, authenticated by the handshake; empty if the pattern has none for the peer.</summary>
    public ReadOnlySpan<byte> RemoteStaticPublicKey => _remoteStatic;

    /// <summary>Whether this side can send (false only for a one-way responder).</summary>
    public bool CanSend => _send is not null;

    /// <summary>Whether this side can receive (false only for a one-way initiator).</summary>
    public bool CanReceive => _receive is not null;

    /// <summary>The next sending nonce (messages sent so far, unless the application set it).</summary>
    public ulong SendNonce => _send?.Nonce ?? 0;

    /// <summary>The next receiving nonce (messages accepted so far).</summary>
    public ulong ReceiveNonce => _receive?.Nonce ?? 0;

    /// <summary>Encrypts one transport message (<c>EncryptWithAd(empty, plaintext)</c>).</summary>
    /// <returns>The message, or <see cref="NoiseErrors.OversizedCode"/>, <see cref="NoiseErrors.NonceExhaustedCode"/> or <see cref="NoiseErrors.WrongStateCode"/>.</returns>
    public Result<byte[]> Encrypt(ReadOnlySpan<byte> plaintext)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (plaintext.Length > Limits.NoiseMaxTransportPayloadLength)
        {
            return NoiseErrors.Oversized(ErrorScope.Input);
        }

        var message = new byte[plaintext.Length + CipherState.TagSize];
        return Encrypt(plaintext, message).Map(_ => message);
    }

    /// <summary>Encrypts into <paramref name="message"/> (at least <c>plaintext.Length + 16</c> bytes); returns the bytes written.</summary>
    public Result<int> Encrypt(ReadOnlySpan<byte> plaintext, Span<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_send is null)
        {
            return NoiseErrors.WrongState("A one-way Noise responder cannot send.");
        }

        return plaintext.Length > Limits.NoiseMaxTransportPayloadLength
            ? NoiseErrors.Oversized(ErrorScope.Input)
            : _send.EncryptWithAd(default, plaintext, message);
    }

    /// <summary>Authenticates and decrypts one transport message (<c>DecryptWithAd(empty, message)</c>). Never throws on peer bytes.</summary>
    /// <returns>
    /// The plaintext, or <see cref="NoiseErrors.OversizedCode"/>, <see cref="NoiseErrors.TruncatedCode"/>,
    /// <see cref="NoiseErrors.BadTagCode"/>, <see cref="NoiseErrors.NonceExhaustedCode"/> or
    /// <see cref="NoiseErrors.WrongStateCode"/>; on any error nothing changes.
    /// </returns>
    public Result<byte[]> Decrypt(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (message.Length > Limits.NoiseMaxMessageLength)
        {
            return NoiseErrors.Oversized(ErrorScope.Input);
        }

        var plaintext = new byte[Math.Max(0, message.Length - CipherState.TagSize)];
        return Decrypt(message, plaintext).Map(_ => plaintext);
    }

    /// <summary>Decrypts into <paramref name="plaintext"/> (at least <c>message.Length - 16</c> bytes); returns the bytes written.</summary>
    public Result<int> Decrypt(ReadOnlySpan<byte> message, Span<byte> plaintext)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_receive is null)
        {
            return NoiseErrors.WrongState("A one-way Noise initiator cannot receive.");
        }

        return message.Length > Limits.NoiseMaxMessageLength
            ? NoiseErrors.Oversized(ErrorScope.Input)
            : _receive.DecryptWithAd(default, message, plaintext);
    }

    /// <summary>Rekeys the sending direction (§11.3, <c>REKEY</c> of §4.2); the peer must call <see cref="RekeyReceive"/> at the same point.</summary>
    /// <exception cref="InvalidOperationException">This side cannot send.</exception>
    public void RekeySend()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        (_send ?? throw new InvalidOperationException("This side cannot send.")).Rekey();
    }

    /// <summary>Rekeys the receiving direction (§11.3), matching the peer's <see cref="RekeySend"/>.</summary>
    /// <exception cref="InvalidOperationException">This side cannot receive.</exception>
    public void RekeyReceive()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        (_receive ?? throw new InvalidOperationException("This side cannot receive.")).Rekey();
    }

    /// <summary>Zeroes both keys.</summary>
    public void Dispose()
    {
        _send?.Dispose();
        _receive?.Dispose();
        _disposed = true;
    }

    /// <summary>Role and nonces; never a key.</summary>
    public override string ToString() =>
        $"NoiseTransport({Role}, send {(CanSend ? SendNonce.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}, receive {(CanReceive ? ReceiveNonce.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")})";
}
