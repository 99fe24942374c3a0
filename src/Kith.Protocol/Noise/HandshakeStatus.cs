namespace Kith.Protocol.Noise;

/// <summary>Where a <see cref="HandshakeState"/> stands.</summary>
public enum HandshakeStatus
{
    /// <summary>Messages remain to be written or read.</summary>
    InProgress = 1,

    /// <summary>The last message was processed and a <see cref="NoiseTransport"/> handed out (§5.3 <c>Split</c>).</summary>
    Complete = 2,

    /// <summary>A step failed; the handshake refuses all further use and its secrets are zeroed (§5.3).</summary>
    Aborted = 3,
}
