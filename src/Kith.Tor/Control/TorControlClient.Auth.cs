using System.Security.Cryptography;
using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Tor.Control;

public sealed partial class TorControlClient
{
    /// <summary>Asks which authentication methods tor accepts (control-spec §3.21 <c>PROTOCOLINFO 1</c>).</summary>
    public async Task<Result<ProtocolInfo>> GetProtocolInfoAsync(CancellationToken cancellationToken)
    {
        var sent = await SendAsync("PROTOCOLINFO 1", cancellationToken).ConfigureAwait(false);
        return sent.TryGet(out var reply, out var error) ? ProtocolInfo.Parse(reply) : error;
    }

    /// <summary>
    /// Authenticates (control-spec §3.5): SAFECOOKIE (§3.24) when offered, else COOKIE, else NULL.
    /// <paramref name="cookieFile"/> overrides the path tor reports, for callers that know where their tor keeps it.
    /// </summary>
    public async Task<Result<Unit>> AuthenticateAsync(string? cookieFile, CancellationToken cancellationToken)
    {
        var info = await GetProtocolInfoAsync(cancellationToken).ConfigureAwait(false);
        if (!info.TryGet(out var protocol, out var error))
        {
            return error;
        }

        var path = cookieFile ?? protocol.CookieFile;
        if (protocol.Methods.HasFlag(AuthMethods.SafeCookie) && path is not null)
        {
            return await SafeCookieAsync(path, cancellationToken).ConfigureAwait(false);
        }

        if (protocol.Methods.HasFlag(AuthMethods.Cookie) && path is not null)
        {
            var cookie = await ReadCookieAsync(path, cancellationToken).ConfigureAwait(false);
            if (!cookie.TryGet(out var bytes, out error))
            {
                return error;
            }

            var hex = Convert.ToHexString(bytes);
            CryptographicOperations.ZeroMemory(bytes);
            return await AuthenticateWithAsync("AUTHENTICATE " + hex, cancellationToken).ConfigureAwait(false);
        }

        return protocol.Methods.HasFlag(AuthMethods.Null)
            ? await AuthenticateWithAsync("AUTHENTICATE", cancellationToken).ConfigureAwait(false)
            : ControlErrors.NoUsableAuthMethod;
    }

    private async Task<Result<Unit>> SafeCookieAsync(string path, CancellationToken cancellationToken)
    {
        var read = await ReadCookieAsync(path, cancellationToken).ConfigureAwait(false);
        if (!read.TryGet(out var cookie, out var error))
        {
            return error;
        }

        try
        {
            var clientNonce = new byte[SafeCookie.NonceSize];
            _random(clientNonce);
            var sent = await SendAsync("AUTHCHALLENGE SAFECOOKIE " + Convert.ToHexString(clientNonce), cancellationToken).ConfigureAwait(false);
            if (!sent.TryGet(out var reply, out error))
            {
                return error;
            }

            if (!reply.IsSuccess)
            {
                return ControlErrors.AuthenticationFailed(reply.Status);
            }

            var challenge = ParseChallenge(reply);
            if (!challenge.TryGet(out var values, out error))
            {
                return error;
            }

            // §3.24: the controller must check SERVERHASH before answering, or a fake port could collect answers.
            Span<byte> expected = stackalloc byte[SafeCookie.HashSize];
            SafeCookie.ComputeServerHash(cookie, clientNonce, values.ServerNonce, expected);
            if (!CryptographicOperations.FixedTimeEquals(expected, values.ServerHash))
            {
                return ControlErrors.ServerHashMismatch;
            }

            Span<byte> clientHash = stackalloc byte[SafeCookie.HashSize];
            SafeCookie.ComputeClientHash(cookie, clientNonce, values.ServerNonce, clientHash);
            return await AuthenticateWithAsync("AUTHENTICATE " + Convert.ToHexString(clientHash), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(cookie);
        }
    }

    // "250 AUTHCHALLENGE SERVERHASH=<64 hex> SERVERNONCE=<64 hex>" (control-spec §3.24).
    private static Result<(byte[] ServerHash, byte[] ServerNonce)> ParseChallenge(ControlReply reply)
    {
        if (reply.Lines.Count != 1)
        {
            return ControlErrors.UnexpectedReply;
        }

        var parsed = ControlArguments.Parse(reply.Lines[0].Text);
        if (!parsed.TryGet(out var args, out var error))
        {
            return error;
        }

        if (args.Positional.Count != 1 || args.Positional[0] != "AUTHCHALLENGE"
            || !TryHex(args["SERVERHASH"], SafeCookie.HashSize, out var hash)
            || !TryHex(args["SERVERNONCE"], SafeCookie.NonceSize, out var nonce))
        {
            return ControlErrors.UnexpectedReply;
        }

        return (hash, nonce);
    }

    private static bool TryHex(string? text, int size, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Length != size * 2)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private async Task<Result<Unit>> AuthenticateWithAsync(string command, CancellationToken cancellationToken)
    {
        var sent = await SendAsync(command, cancellationToken).ConfigureAwait(false);
        if (!sent.TryGet(out var reply, out var error))
        {
            return error;
        }

        return reply.IsSuccess ? Result.Ok() : ControlErrors.AuthenticationFailed(reply.Status);
    }

    // The cookie is exactly 32 bytes (§3.5); a larger file is not read into memory.
    private static async Task<Result<byte[]>> ReadCookieAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, useAsync: true);
            if (file.Length != SafeCookie.CookieSize)
            {
                return ControlErrors.CookieUnreadable;
            }

            var cookie = new byte[Limits.TorAuthCookieMaxBytes];
            await file.ReadExactlyAsync(cookie, cancellationToken).ConfigureAwait(false);
            return cookie;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ControlErrors.CookieUnreadable;
        }
    }
}
