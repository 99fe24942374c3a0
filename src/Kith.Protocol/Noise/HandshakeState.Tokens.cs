using System.Security.Cryptography;
using Kith.Crypto;
using Kith.Primitives.Errors;

namespace Kith.Protocol.Noise;

/// <summary>The token rules shared by writing and reading (Noise rev. 34 §5.3, §9.2), and <c>Split</c>.</summary>
public sealed partial class HandshakeState
{
    /// <summary>
    /// The exact length of the next message for a payload of <paramref name="payloadLength"/> bytes: keys are
    /// DHLEN, and the static key and payload gain a tag once any DH or psk (or, in a PSK handshake, an
    /// <c>e</c>, §9.2) has keyed the cipher.
    /// </summary>
    private long MessageLength(IReadOnlyList<NoiseToken> tokens, long payloadLength)
    {
        bool hasKey = _symmetric.HasKey;
        long length = 0;
        foreach (NoiseToken token in tokens)
        {
            switch (token)
            {
                case NoiseToken.E:
                    length += DhLength;
                    hasKey |= _pattern.PskCount > 0;
                    break;
                case NoiseToken.S:
                    length += DhLength + (hasKey ? CipherState.TagSize : 0);
                    break;
                default:
                    hasKey = true;
                    break;
            }
        }

        return length + payloadLength + (hasKey ? CipherState.TagSize : 0);
    }

    /// <summary>The <c>e</c> token's mixing: <c>MixHash(e.public_key)</c>, and in a PSK handshake also <c>MixKey</c> (§9.2).</summary>
    private void MixEphemeral(ReadOnlySpan<byte> publicKey)
    {
        _symmetric.MixHash(publicKey);
        if (_pattern.PskCount > 0)
        {
            _symmetric.MixKey(publicKey);
        }
    }

    /// <summary>
    /// <c>ee</c>, <c>es</c>, <c>se</c>, <c>ss</c>: <c>MixKey(DH(local, remote))</c>, where the first letter names the
    /// initiator's key and the second the responder's; <c>psk</c>: <c>MixKeyAndHash(psk)</c>. Returns an error
    /// when the DH output is all zeros (a low-order peer key, §12.1 and RFC 7748 §6.1).
    /// </summary>
    private KithError? MixToken(NoiseToken token)
    {
        if (token == NoiseToken.Psk)
        {
            _symmetric.MixKeyAndHash(_psks[_pskIndex++].Span);
            return null;
        }

        (X25519KeyPair local, byte[]? remote) = token switch
        {
            NoiseToken.EE => (Required(_e), _re),
            NoiseToken.ES => _initiator ? (Required(_e), _rs) : (Required(_s), _re),
            NoiseToken.SE => _initiator ? (Required(_s), _re) : (Required(_e), _rs),
            NoiseToken.SS => (Required(_s), _rs),
            _ => throw new InvalidOperationException("Not a DH token."),
        };
        Span<byte> shared = stackalloc byte[X25519.SharedSecretSize];
        try
        {
            if (!local.TryAgree(Required(remote), shared))
            {
                return NoiseErrors.LowOrderPoint();
            }

            _symmetric.MixKey(shared);
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
        }
    }

    /// <summary>
    /// <c>Split()</c> after the last message (§5.3): the initiator sends with the first cipher state and the
    /// responder with the second; in a one-way pattern only the first is used (§7.4), so the other is dropped.
    /// </summary>
    private NoiseTransport Complete()
    {
        (CipherState first, CipherState second) = _symmetric.Split();
        _finalHash = _symmetric.GetHandshakeHash();
        CipherState? send = _initiator ? first : second;
        CipherState? receive = _initiator ? second : first;
        if (_pattern.IsOneWay)
        {
            if (_initiator)
            {
                receive.Dispose();
                receive = null;
            }
            else
            {
                send.Dispose();
                send = null;
            }
        }

        Status = HandshakeStatus.Complete;
        ZeroSecrets();
        return new NoiseTransport(Role, send, receive, _finalHash, _rs);
    }

    /// <summary>Pattern validity (§7.3) guarantees every key a token uses is present; a miss is a bug here.</summary>
    private static T Required<T>(T? value)
        where T : class =>
        value ?? throw new InvalidOperationException("Handshake pattern used a key that is not present.");
}
