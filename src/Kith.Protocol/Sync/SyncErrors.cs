using Kith.Primitives.Errors;

namespace Kith.Protocol.Sync;

/// <summary>Why a sync message is refused. A refused message changes no state of the session or the log.</summary>
public static class SyncErrors
{
    /// <summary>The message names another conversation than this session's.</summary>
    public static readonly KithError WrongConversation = new("sync.wrong_conversation", ErrorScope.Peer, false,
        "The sync message belongs to another conversation.");
}
