using Kith.Primitives.Errors;

namespace Kith.Protocol.Sessions;

/// <summary>Errors of pairwise device sessions.</summary>
public static class SessionErrors
{
    /// <summary>A ratchet message arrived for which no session exists; the sender must start over with PQXDH.</summary>
    public static readonly KithError NoSession = new("session.no_session", ErrorScope.Session, false,
        "The message belongs to a session this device does not have.");

    /// <summary>A message claims to come from another device than the session's peer.</summary>
    public static readonly KithError WrongPeer = new("session.wrong_peer", ErrorScope.Peer, false,
        "The message was set up by a different device than this session's peer.");

    /// <summary>The stored session state is corrupt or from an unknown version.</summary>
    public static readonly KithError BadState = new("session.bad_state", ErrorScope.Local, false,
        "The stored session state cannot be read.");
}
