namespace Kith.Tor.Socks;

/// <summary>
/// The <c>REP</c> field of a SOCKS5 reply: RFC 1928 §6, plus tor's extended errors for onion services
/// (proposal 304, sent when the SocksPort has <c>ExtendedErrors</c>; tor-manual "SocksPort ... ExtendedErrors").
/// </summary>
public enum Socks5ReplyCode
{
    /// <summary>X'00' succeeded.</summary>
    Succeeded = 0x00,

    /// <summary>X'01' general SOCKS server failure.</summary>
    GeneralFailure = 0x01,

    /// <summary>X'02' connection not allowed by ruleset.</summary>
    NotAllowed = 0x02,

    /// <summary>X'03' network unreachable.</summary>
    NetworkUnreachable = 0x03,

    /// <summary>X'04' host unreachable.</summary>
    HostUnreachable = 0x04,

    /// <summary>X'05' connection refused (for an onion: nothing listens on the target port).</summary>
    ConnectionRefused = 0x05,

    /// <summary>X'06' TTL expired (tor: the stream timed out).</summary>
    TtlExpired = 0x06,

    /// <summary>X'07' command not supported.</summary>
    CommandNotSupported = 0x07,

    /// <summary>X'08' address type not supported.</summary>
    AddressTypeNotSupported = 0x08,

    /// <summary>X'F0' onion service descriptor can not be found.</summary>
    OnionDescriptorNotFound = 0xF0,

    /// <summary>X'F1' onion service descriptor is invalid.</summary>
    OnionDescriptorInvalid = 0xF1,

    /// <summary>X'F2' onion service introduction failed.</summary>
    OnionIntroductionFailed = 0xF2,

    /// <summary>X'F3' onion service rendezvous failed.</summary>
    OnionRendezvousFailed = 0xF3,

    /// <summary>X'F4' onion service missing client authorization.</summary>
    OnionMissingClientAuth = 0xF4,

    /// <summary>X'F5' onion service wrong client authorization.</summary>
    OnionWrongClientAuth = 0xF5,

    /// <summary>X'F6' onion service invalid address.</summary>
    OnionInvalidAddress = 0xF6,

    /// <summary>X'F7' onion service introduction timed out.</summary>
    OnionIntroductionTimedOut = 0xF7,
}
