using System.Security.Cryptography;
using System.Text;

namespace Kith.Tor.Control;

/// <summary>
/// SAFECOOKIE authentication (control-spec §3.24 <c>AUTHCHALLENGE</c>): both sides prove knowledge of the
/// 32-byte cookie with HMAC-SHA256 over <c>CookieString | ClientNonce | ServerNonce</c>, keyed by a fixed
/// direction string, so a fake control port learns nothing it could replay to the real one.
/// </summary>
public static class SafeCookie
{
    /// <summary>Bytes in tor's authentication cookie (control-spec §3.5).</summary>
    public const int CookieSize = 32;

    /// <summary>Bytes of client nonce Kith sends (§3.24 lets the controller choose; tor's server nonce is 32 bytes).</summary>
    public const int NonceSize = 32;

    /// <summary>Bytes of an HMAC-SHA256 output.</summary>
    public const int HashSize = 32;

    private static readonly byte[] ServerToControllerKey =
        Encoding.ASCII.GetBytes("Tor safe cookie authentication server-to-controller hash");

    private static readonly byte[] ControllerToServerKey =
        Encoding.ASCII.GetBytes("Tor safe cookie authentication controller-to-server hash");

    /// <summary>The <c>SERVERHASH</c> tor must send: HMAC-SHA256(server-to-controller key, cookie | client nonce | server nonce).</summary>
    public static void ComputeServerHash(ReadOnlySpan<byte> cookie, ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> serverNonce, Span<byte> hash) =>
        Compute(ServerToControllerKey, cookie, clientNonce, serverNonce, hash);

    /// <summary>The value for <c>AUTHENTICATE</c>: HMAC-SHA256(controller-to-server key, cookie | client nonce | server nonce).</summary>
    public static void ComputeClientHash(ReadOnlySpan<byte> cookie, ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> serverNonce, Span<byte> hash) =>
        Compute(ControllerToServerKey, cookie, clientNonce, serverNonce, hash);

    private static void Compute(byte[] key, ReadOnlySpan<byte> cookie, ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> serverNonce, Span<byte> hash)
    {
        if (cookie.Length != CookieSize || hash.Length != HashSize)
        {
            throw new ArgumentException("The cookie and the hash are 32 bytes.");
        }

        var message = new byte[cookie.Length + clientNonce.Length + serverNonce.Length];
        try
        {
            cookie.CopyTo(message);
            clientNonce.CopyTo(message.AsSpan(cookie.Length));
            serverNonce.CopyTo(message.AsSpan(cookie.Length + clientNonce.Length));
            HMACSHA256.HashData(key, message, hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(message);
        }
    }
}
