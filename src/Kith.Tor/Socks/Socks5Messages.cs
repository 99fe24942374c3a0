using System.Buffers.Binary;
using System.Text;
using Kith.Primitives;
using Kith.Primitives.Errors;

namespace Kith.Tor.Socks;

/// <summary>
/// The client's side of the SOCKS5 handshake as pure functions over bytes (RFC 1928 §3–§6, RFC 1929 §2), so every
/// message can be checked without a socket.
/// </summary>
internal static class Socks5Messages
{
    public const byte Version = 0x05;
    public const byte NoAuthentication = 0x00;
    public const byte UsernamePassword = 0x02;
    public const byte NoAcceptableMethods = 0xFF;
    public const byte UserPassVersion = 0x01;
    public const byte CommandConnect = 0x01;
    public const byte AddressIPv4 = 0x01;
    public const byte AddressDomainName = 0x03;
    public const byte AddressIPv6 = 0x04;

    /// <summary>Bytes of a reply before its address: VER REP RSV ATYP (RFC 1928 §6).</summary>
    public const int ReplyHeaderSize = 4;

    /// <summary>RFC 1928 §3: VER NMETHODS METHODS — exactly one method, so tor cannot pick an unisolated one.</summary>
    public static byte[] Greeting(bool withCredentials) => [Version, 1, withCredentials ? UsernamePassword : NoAuthentication];

    /// <summary>RFC 1928 §3: VER METHOD; the method must be the one offered.</summary>
    public static Result<Unit> CheckMethodSelection(ReadOnlySpan<byte> reply, bool withCredentials)
    {
        if (reply.Length != 2 || reply[0] != Version)
        {
            return Socks5Errors.Malformed;
        }

        if (reply[1] == NoAcceptableMethods)
        {
            return Socks5Errors.NoAcceptableMethod;
        }

        return reply[1] == (withCredentials ? UsernamePassword : NoAuthentication) ? Result.Ok() : Socks5Errors.Malformed;
    }

    /// <summary>RFC 1929 §2: VER ULEN UNAME PLEN PASSWD.</summary>
    public static byte[] UsernamePasswordRequest(Socks5Credentials credentials)
    {
        var message = new byte[3 + credentials.Username.Length + credentials.Password.Length];
        message[0] = UserPassVersion;
        message[1] = (byte)credentials.Username.Length;
        credentials.Username.CopyTo(message, 2);
        message[2 + credentials.Username.Length] = (byte)credentials.Password.Length;
        credentials.Password.CopyTo(message, 3 + credentials.Username.Length);
        return message;
    }

    /// <summary>RFC 1929 §2: VER STATUS, X'00' meaning success.</summary>
    public static Result<Unit> CheckUsernamePasswordReply(ReadOnlySpan<byte> reply)
    {
        if (reply.Length != 2 || reply[0] != UserPassVersion)
        {
            return Socks5Errors.Malformed;
        }

        return reply[1] == 0 ? Result.Ok() : Socks5Errors.AuthenticationRejected;
    }

    /// <summary>
    /// RFC 1928 §4: VER CMD RSV ATYP DST.ADDR DST.PORT with ATYP X'03' (domain name), so the proxy — tor — resolves
    /// the name and an onion name never reaches a local resolver.
    /// </summary>
    public static byte[] ConnectRequest(string host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = Encoding.ASCII.GetBytes(host);
        if (name.Length is 0 or > Limits.Socks5HostNameMaxBytes || !host.All(c => c is > ' ' and < (char)0x7F) || port is < 1 or > 65535)
        {
            throw new ArgumentException("The host is 1–255 printable ASCII characters and the port 1–65535.");
        }

        var message = new byte[7 + name.Length];
        message[0] = Version;
        message[1] = CommandConnect;
        message[3] = AddressDomainName;
        message[4] = (byte)name.Length;
        name.CopyTo(message, 5);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(5 + name.Length), (ushort)port);
        return message;
    }

    /// <summary>
    /// RFC 1928 §6: checks VER REP RSV ATYP and returns how many bytes of BND.ADDR and BND.PORT follow
    /// (for a domain name, the length byte is read separately and this returns -1).
    /// </summary>
    public static Result<int> ReadReplyHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length != ReplyHeaderSize || header[0] != Version)
        {
            return Socks5Errors.Malformed;
        }

        if (header[1] != (byte)Socks5ReplyCode.Succeeded)
        {
            return Socks5Errors.FromReply(header[1]);
        }

        return header[2] != 0 ? Socks5Errors.Malformed : header[3] switch
        {
            AddressIPv4 => 4 + 2,
            AddressIPv6 => 16 + 2,
            AddressDomainName => -1,
            _ => Socks5Errors.Malformed,
        };
    }
}
