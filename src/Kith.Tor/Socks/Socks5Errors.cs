using Kith.Primitives.Errors;

namespace Kith.Tor.Socks;

/// <summary>
/// Errors of a SOCKS5 CONNECT through tor. Each says whether retrying can help: an onion whose descriptor is not yet
/// published (0xF0) or whose introduction failed (0xF2) may answer later; a bad address (0xF6) never will.
/// </summary>
public static class Socks5Errors
{
    /// <summary>The proxy's bytes did not follow RFC 1928 / RFC 1929.</summary>
    public static KithError Malformed { get; } = new(
        "socks.malformed", ErrorScope.Link, false, "The SOCKS proxy sent a malformed reply.");

    /// <summary>The proxy closed the connection during the handshake.</summary>
    public static KithError Truncated { get; } = new(
        "socks.truncated", ErrorScope.Link, true, "The SOCKS proxy closed the connection during the handshake.");

    /// <summary>The proxy accepted none of the offered methods (RFC 1928 §3, X'FF').</summary>
    public static KithError NoAcceptableMethod { get; } = new(
        "socks.no_acceptable_method", ErrorScope.Local, false, "The SOCKS proxy accepted no offered authentication method.");

    /// <summary>The proxy refused the username/password (RFC 1929 §2).</summary>
    public static KithError AuthenticationRejected { get; } = new(
        "socks.auth_rejected", ErrorScope.Local, false, "The SOCKS proxy rejected the username and password.");

    /// <summary>The proxy could not be reached (tor not running, wrong port).</summary>
    public static KithError ProxyUnreachable { get; } = new(
        "socks.proxy_unreachable", ErrorScope.Local, true, "Could not connect to the SOCKS proxy.");

    /// <summary>The error for a non-zero <c>REP</c> field.</summary>
    public static KithError FromReply(byte reply) => (Socks5ReplyCode)reply switch
    {
        Socks5ReplyCode.GeneralFailure => Link("socks.general_failure", true, "The SOCKS proxy reported a general failure."),
        Socks5ReplyCode.NotAllowed => Link("socks.not_allowed", false, "The SOCKS proxy does not allow this connection."),
        Socks5ReplyCode.NetworkUnreachable => Link("socks.network_unreachable", true, "The network is unreachable."),
        Socks5ReplyCode.HostUnreachable => Link("socks.host_unreachable", true, "The host is unreachable."),
        Socks5ReplyCode.ConnectionRefused => Link("socks.connection_refused", true, "The destination refused the connection."),
        Socks5ReplyCode.TtlExpired => Link("socks.ttl_expired", true, "The connection attempt timed out."),
        Socks5ReplyCode.CommandNotSupported => Link("socks.command_not_supported", false, "The SOCKS proxy does not support CONNECT."),
        Socks5ReplyCode.AddressTypeNotSupported => Link("socks.address_type_not_supported", false, "The SOCKS proxy does not support this address type."),
        Socks5ReplyCode.OnionDescriptorNotFound => Link("socks.onion_descriptor_not_found", true, "The onion service's descriptor was not found; it may not be published yet."),
        Socks5ReplyCode.OnionDescriptorInvalid => Link("socks.onion_descriptor_invalid", false, "The onion service's descriptor is invalid."),
        Socks5ReplyCode.OnionIntroductionFailed => Link("socks.onion_introduction_failed", true, "Introduction to the onion service failed."),
        Socks5ReplyCode.OnionRendezvousFailed => Link("socks.onion_rendezvous_failed", true, "Rendezvous with the onion service failed."),
        Socks5ReplyCode.OnionMissingClientAuth => Link("socks.onion_client_auth_missing", false, "The onion service requires client authorization."),
        Socks5ReplyCode.OnionWrongClientAuth => Link("socks.onion_client_auth_wrong", false, "The onion service rejected the client authorization."),
        Socks5ReplyCode.OnionInvalidAddress => Link("socks.onion_bad_address", false, "The onion address is invalid."),
        Socks5ReplyCode.OnionIntroductionTimedOut => Link("socks.onion_introduction_timed_out", true, "Introduction to the onion service timed out."),
        _ => Link("socks.unknown_reply", false, "The SOCKS proxy sent an unknown reply code."),
    };

    private static KithError Link(string code, bool retryable, string detail) => new(code, ErrorScope.Link, retryable, detail);
}
