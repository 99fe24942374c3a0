namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Longest control-port reply line (tor control-spec §2.3), CRLF included. Tor's own lines for the commands
    /// Kith sends stay under 1 KiB (an <c>HS_DESC</c> event with its <c>HSDIR_INDEX</c> is about 300 bytes); 16 KiB
    /// leaves room for long paths and versions while a broken or hostile tor cannot make one line grow without bound.
    /// </summary>
    public const int TorControlLineMaxBytes = 16 * 1024;

    /// <summary>
    /// Most bytes in one control reply (all its lines and data blocks). Kith asks only for small answers
    /// (version, bootstrap phase, listeners, onion keys); 256 KiB bounds what one reply may hold in memory.
    /// </summary>
    public const int TorControlReplyMaxBytes = 256 * 1024;

    /// <summary>Most lines in one control reply; bounds per-line object overhead within <see cref="TorControlReplyMaxBytes"/>.</summary>
    public const int TorControlReplyMaxLines = 1024;

    /// <summary>
    /// Asynchronous control events queued for one subscriber before it counts as fallen behind. A descriptor
    /// publication produces about 20 <c>HS_DESC</c> events; a subscriber that lets 4096 pile up is told it
    /// missed events (its subscription ends with an error) rather than let the queue grow without bound.
    /// </summary>
    public const int TorControlEventQueueLength = 4096;

    /// <summary>
    /// Largest tor authentication cookie file read from disk. Tor writes exactly 32 bytes (control-spec §3.5);
    /// anything larger is not a cookie and is not read into memory.
    /// </summary>
    public const int TorAuthCookieMaxBytes = 32;

    /// <summary>
    /// Longest SOCKS5 username or password (RFC 1929 §2: one length byte). Kith uses these only to isolate
    /// tor circuits per contact.
    /// </summary>
    public const int Socks5CredentialMaxBytes = 255;

    /// <summary>Longest host name in a SOCKS5 CONNECT (RFC 1928 §5: one length byte).</summary>
    public const int Socks5HostNameMaxBytes = 255;

    /// <summary>
    /// Bytes read from tor's <c>ControlPortWriteToFile</c>/<c>SocksPort</c> port files. A port file holds one
    /// short line per listener (<c>PORT=127.0.0.1:9051</c>); 4 KiB is many times that.
    /// </summary>
    public const int TorPortFileMaxBytes = 4096;
}
