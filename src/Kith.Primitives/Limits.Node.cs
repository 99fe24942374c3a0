namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Largest request body the local API reads. The largest request is a pasted contact card, at most
    /// <see cref="MaxContactCardTextLength"/> characters; twice that covers JSON escaping, and nothing larger is
    /// buffered for a caller that may be a hostile local process.
    /// </summary>
    public const long ApiMaxRequestBodyBytes = 2L * MaxContactCardTextLength;

    /// <summary>
    /// Events kept for one live-stream reader that does not keep up; older ones are dropped (the reader sees a gap
    /// in the sequence and re-reads state), so a stalled client cannot make the node's memory grow.
    /// </summary>
    public const int ApiEventQueueLength = 256;

    /// <summary>
    /// Concurrent live-stream readers: a CLI chat and a browser tab or two need a handful; the bound keeps a local
    /// process holding the token from pinning memory with thousands of streams.
    /// </summary>
    public const int ApiMaxEventStreams = 16;

    /// <summary>
    /// How long the prekeys on an issued contact card stay valid: 30 days, long enough for a card sent by mail to
    /// be used, short enough that a leaked old card stops opening sessions with keys the device may have rotated.
    /// </summary>
    public const long ContactCardLifetimeMs = 30L * 24 * 60 * 60 * 1000;

    /// <summary>Longest passphrase read from a prompt or the environment, in characters; Argon2id hashes any length, this only bounds input.</summary>
    public const int MaxPassphraseLength = 1024;
}
