using Kith.Primitives.Errors;

namespace Kith.Tor.Control;

/// <summary>
/// Errors of the tor control connection. A broken reply stream closes the connection (<see cref="ErrorScope.Link"/>);
/// a refused command leaves it usable. Details never repeat tor's text, which may carry paths or keys.
/// </summary>
public static class ControlErrors
{
    /// <summary>A reply line grew past <see cref="Kith.Primitives.Limits.TorControlLineMaxBytes"/>.</summary>
    public static KithError LineTooLong { get; } = new(
        "tor.control.line_too_long", ErrorScope.Link, false, "A control reply line exceeded the line limit.");

    /// <summary>A reply grew past the byte or line limit.</summary>
    public static KithError ReplyTooLarge { get; } = new(
        "tor.control.reply_too_large", ErrorScope.Link, false, "A control reply exceeded the reply size limit.");

    /// <summary>A line did not follow control-spec §2.3.</summary>
    public static KithError Malformed { get; } = new(
        "tor.control.malformed", ErrorScope.Link, false, "A control reply line was malformed.");

    /// <summary>The connection ended in the middle of a line or reply.</summary>
    public static KithError Truncated { get; } = new(
        "tor.control.truncated", ErrorScope.Link, true, "The control connection ended in the middle of a reply.");

    /// <summary>The connection is closed (tor exited, or the client was disposed).</summary>
    public static KithError Closed { get; } = new(
        "tor.control.closed", ErrorScope.Link, true, "The control connection is closed.");

    /// <summary>Tor sent a reply nobody asked for, or one whose shape does not fit the command.</summary>
    public static KithError UnexpectedReply { get; } = new(
        "tor.control.unexpected_reply", ErrorScope.Link, false, "Tor sent a reply that does not fit the command.");

    /// <summary>An event subscriber fell more than <see cref="Kith.Primitives.Limits.TorControlEventQueueLength"/> events behind.</summary>
    public static KithError EventsOverflowed { get; } = new(
        "tor.control.events_overflowed", ErrorScope.Local, true, "An event subscriber fell behind and missed events.");

    /// <summary>Tor offers no authentication method Kith can use (only HASHEDPASSWORD, or none listed).</summary>
    public static KithError NoUsableAuthMethod { get; } = new(
        "tor.control.no_auth_method", ErrorScope.Local, false, "Tor offers no control authentication method Kith supports.");

    /// <summary>The cookie file is missing, unreadable or not 32 bytes.</summary>
    public static KithError CookieUnreadable { get; } = new(
        "tor.control.cookie_unreadable", ErrorScope.Local, true, "The tor authentication cookie could not be read.");

    /// <summary>Tor's SAFECOOKIE server hash did not verify: whoever answers does not know the cookie (control-spec §3.24).</summary>
    public static KithError ServerHashMismatch { get; } = new(
        "tor.control.server_hash_mismatch", ErrorScope.Link, false, "The control port did not prove knowledge of the cookie.");

    /// <summary>Tor rejected a command; <paramref name="status"/> is tor's status code (control-spec §4).</summary>
    public static KithError CommandFailed(string command, int status) => new(
        "tor.control.command_failed", ErrorScope.Local, status / 100 == 4,
        $"Tor answered {status} to {command}.");

    /// <summary>Tor refused authentication.</summary>
    public static KithError AuthenticationFailed(int status) => new(
        "tor.control.auth_failed", ErrorScope.Local, false, $"Tor refused authentication with status {status}.");
}
