namespace Kith.Tor.Control;

/// <summary>
/// The separator after a reply line's status code (tor control-spec §2.3): it says whether more lines follow.
/// </summary>
public enum ControlLineKind
{
    /// <summary><c>MidReplyLine</c>: <c>StatusCode "-" ReplyLine</c>; more lines follow.</summary>
    Mid = 1,

    /// <summary><c>DataReplyLine</c>: <c>StatusCode "+" ReplyLine CmdData</c>; a dot-terminated data block follows.</summary>
    Data = 2,

    /// <summary><c>EndReplyLine</c>: <c>StatusCode SP ReplyLine</c>; the reply is complete.</summary>
    End = 3,
}
