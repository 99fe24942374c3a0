using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Protocol.Noise;

/// <summary><c>WriteMessage</c> and <c>ReadMessage</c> (Noise rev. 34 §5.3).</summary>
public sealed partial class HandshakeState
{
    /// <summary>
    /// <c>WriteMessage(payload, message_buffer)</c> (§5.3): processes this party's next message pattern and
    /// encrypts <paramref name="payload"/> (in clear before the first DH). On the last message the result also
    /// carries the <see cref="NoiseTransport"/>.
    /// </summary>
    /// <returns>
    /// The message, or <see cref="NoiseErrors.WrongStateCode"/> (out of turn; nothing changes),
    /// <see cref="NoiseErrors.OversizedCode"/> (the message would pass 65535 bytes; nothing changes),
    /// <see cref="NoiseErrors.LowOrderPointCode"/> (a key the peer sent earlier is low-order; aborted) or
    /// <see cref="NoiseErrors.AbortedCode"/>.
    /// </returns>
    public Result<HandshakeWriteResult> WriteMessage(ReadOnlySpan<byte> payload)
    {
        if (CheckTurn(writing: true) is { } wrongState)
        {
            return wrongState;
        }

        IReadOnlyList<NoiseToken> tokens = _pattern.Message(_messageIndex);
        long length = MessageLength(tokens, payload.Length);
        if (length > Limits.NoiseMaxMessageLength)
        {
            return NoiseErrors.Oversized(ErrorScope.Input);
        }

        var message = new byte[length];
        int offset = 0;
        foreach (NoiseToken token in tokens)
        {
            switch (token)
            {
                case NoiseToken.E:
                    _e = X25519KeyPair.Generate(_random);
                    _e.PublicKey.CopyTo(message.AsSpan(offset));
                    MixEphemeral(_e.PublicKey);
                    offset += DhLength;
                    break;
                case NoiseToken.S:
                    Result<int> written = _symmetric.EncryptAndHash(Required(_s).PublicKey, message.AsSpan(offset));
                    if (!written.IsOk)
                    {
                        return Abort(written.Error with { Scope = ErrorScope.Session });
                    }

                    offset += written.Value;
                    break;
                default:
                    if (MixToken(token) is { } error)
                    {
                        return Abort(error);
                    }

                    break;
            }
        }

        Result<int> body = _symmetric.EncryptAndHash(payload, message.AsSpan(offset));
        if (!body.IsOk)
        {
            return Abort(body.Error with { Scope = ErrorScope.Session });
        }

        _messageIndex++;
        return new HandshakeWriteResult(message, _messageIndex == _pattern.MessageCount ? Complete() : null);
    }

    /// <summary>
    /// <c>ReadMessage(message, payload_buffer)</c> (§5.3): processes the peer's next message pattern and
    /// decrypts its payload. On the last message the result also carries the <see cref="NoiseTransport"/>.
    /// Never throws on peer bytes.
    /// </summary>
    /// <returns>
    /// The payload, or <see cref="NoiseErrors.WrongStateCode"/> (out of turn; nothing changes). Every other
    /// failure aborts the handshake: <see cref="NoiseErrors.OversizedCode"/>, <see cref="NoiseErrors.TruncatedCode"/>
    /// (shorter than the pattern's keys and tags), <see cref="NoiseErrors.BadTagCode"/> (an encrypted static key or
    /// the payload failed authentication), <see cref="NoiseErrors.LowOrderPointCode"/>; later calls get
    /// <see cref="NoiseErrors.AbortedCode"/>.
    /// </returns>
    public Result<HandshakeReadResult> ReadMessage(ReadOnlySpan<byte> message)
    {
        if (CheckTurn(writing: false) is { } wrongState)
        {
            return wrongState;
        }

        if (message.Length > Limits.NoiseMaxMessageLength)
        {
            return Abort(NoiseErrors.Oversized(ErrorScope.Session));
        }

        IReadOnlyList<NoiseToken> tokens = _pattern.Message(_messageIndex);
        if (message.Length < MessageLength(tokens, 0))
        {
            return Abort(NoiseErrors.Truncated(ErrorScope.Session));
        }

        int offset = 0;
        foreach (NoiseToken token in tokens)
        {
            switch (token)
            {
                case NoiseToken.E:
                    _re = message.Slice(offset, DhLength).ToArray();
                    MixEphemeral(_re);
                    offset += DhLength;
                    break;
                case NoiseToken.S:
                    int length = _symmetric.CiphertextLength(DhLength);
                    var rs = new byte[DhLength];
                    Result<int> read = _symmetric.DecryptAndHash(message.Slice(offset, length), rs);
                    if (!read.IsOk)
                    {
                        return Abort(read.Error with { Scope = ErrorScope.Session });
                    }

                    _rs = rs;
                    offset += length;
                    break;
                default:
                    if (MixToken(token) is { } error)
                    {
                        return Abort(error);
                    }

                    break;
            }
        }

        ReadOnlySpan<byte> rest = message[offset..];
        var payload = new byte[rest.Length - _symmetric.CiphertextLength(0)];
        Result<int> body = _symmetric.DecryptAndHash(rest, payload);
        if (!body.IsOk)
        {
            return Abort(body.Error with { Scope = ErrorScope.Session });
        }

        _messageIndex++;
        return new HandshakeReadResult(payload, _messageIndex == _pattern.MessageCount ? Complete() : null);
    }
}
