namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Longest state kind name (<c>IStateStore</c>), in characters. Kinds are names Kith's own code chooses
    /// (<c>ratchet.session</c>), never peer data, so a short bound catches misuse early.
    /// </summary>
    public const int MaxStateKindLength = 64;

    /// <summary>
    /// Largest state key in bytes. Keys are ids (32 bytes) or short tuples of ids; the bound keeps a
    /// key derived from peer data from growing the store's index without limit.
    /// </summary>
    public const int MaxStateKeyLength = 1024;

    /// <summary>
    /// Largest state value in bytes. A value is loaded whole into memory for each protocol step; the
    /// largest expected one is a ratchet session holding its bounded skipped message keys, far below this.
    /// </summary>
    public const int MaxStateValueLength = 8 * 1024 * 1024;

    /// <summary>
    /// Most Argon2id iterations accepted from a keyring record on disk. A tampered or corrupted record could
    /// otherwise make opening the store run for hours; raising the cost later stays possible up to this bound.
    /// </summary>
    public const int MaxPassphraseKdfIterations = 64;

    /// <summary>
    /// Most Argon2id memory (KiB) accepted from a keyring record on disk: 4 GiB. Without a bound a tampered
    /// record could make opening the store try to allocate any amount of memory.
    /// </summary>
    public const int MaxPassphraseKdfMemoryKiB = 4 * 1024 * 1024;

    /// <summary>
    /// Largest content of one shown message (<c>IMessageStore</c>), in bytes. Content is what an event's
    /// ciphertext decrypts to, and an AEAD plaintext is never longer than its ciphertext.
    /// </summary>
    public const int MaxShownMessageContent = MaxEventCiphertext;

    /// <summary>
    /// Most messages one <c>IMessageStore.Latest</c> call returns. A page is decrypted and held in memory at
    /// once; a chat window shows tens of messages and scrolling back asks for the next page.
    /// </summary>
    public const int MaxMessagesPerPage = 1000;

    /// <summary>
    /// WAL pages after which a commit checkpoints them into the database file (<c>PRAGMA wal_autocheckpoint</c>,
    /// SQLite's default 1,000). A checkpoint runs inside the commit that crosses it, copies every page changed
    /// since the last one and syncs the database file twice; the pages a send touches (the event table's last
    /// leaf, the by-seq index's last leaf, the chain state) change in every commit, so a longer interval copies each of
    /// them once instead of several times and syncs less often (about 15 % less commit time for 100-message
    /// transactions, bench/Kith.Bench event-store). The WAL grows to about 16 MiB (4 KiB pages) before a checkpoint.
    /// </summary>
    public const int WalCheckpointPages = 4000;

    /// <summary>
    /// Most steps one group commit runs in a single transaction (<c>GroupCommitter</c>). Bounds how long the
    /// writer is held (other callers wait meanwhile) and how many callers one failed commit fails at once; at a
    /// few microseconds per step a full group is a few milliseconds of work, about one fsync.
    /// </summary>
    public const int MaxGroupCommitSteps = 1024;
}
