using System.Security.Cryptography;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.Prekeys;
using Kith.Protocol.Sessions;
using Kith.Protocol.Storage;
using Kith.Wire.Messaging;
using Kith.Wire.Prekeys;

namespace Kith.Protocol.Messaging;

/// <summary>
/// History for a newly linked own device (README, decision 9): an own device pages its decrypted store
/// (<see cref="IMessageStore"/>) newest first into <see cref="HistoryBatch"/>es and sends each over their pairwise
/// session; old chain keys are never handed over, so forward secrecy of the chains is kept.
/// </summary>
public sealed class HistoryTransfer
{
    private readonly PairwiseChannel _channel;
    private readonly IStateStore _state;

    /// <summary>Binds the transfer to this device's sessions.</summary>
    public HistoryTransfer(DevicePrekeySecrets local, ISessionStore sessions, IStateStore state, Func<DeviceId, DevicePrekeys?> prekeysOf)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(prekeysOf);
        _channel = new PairwiseChannel(local, sessions, state, prekeysOf);
        _state = state;
    }

    /// <summary>Domain separation of batch encryption.</summary>
    private static ReadOnlySpan<byte> AssociatedData => "Kith history batch v1\0"u8;

    /// <summary>
    /// The page of messages with a position below <paramref name="beforePosition"/>, newest first, sealed for
    /// <paramref name="to"/>; <see cref="HistoryPage.NextBefore"/> continues it (null when nothing is left).
    /// </summary>
    public Result<HistoryPage> Export(IMessageStore messages, ConversationId conversation, DeviceId to, IRandomSource random,
        long beforePosition = long.MaxValue, int maxMessages = Limits.MaxHistoryBatchMessages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessages);
        int requested = Math.Min(maxMessages, Limits.MaxHistoryBatchMessages);
        if (!messages.Latest(conversation, requested, beforePosition)
            .TryGet(out IReadOnlyList<ShownMessage>? page, out KithError? error))
        {
            return error;
        }

        // Newest first, and only as many as fit the byte bound; the rest goes in the next page.
        var picked = new List<HistoryMessage>();
        int size = HistoryBatch.HeaderSize;
        foreach (ShownMessage m in page.Reverse())
        {
            size += HistoryBatch.PerMessageOverhead + m.Content.Length;
            if (size > Limits.MaxHistoryBatchBytes)
            {
                break;
            }

            picked.Add(new HistoryMessage(m.Id, m.Author, m.TimestampUnixMs, m.Position, m.Content.ToArray()));
        }

        byte[] batch = new HistoryBatch(conversation, picked).ToBytes();
        using SecretBytes key = SecretBytes.Random(XChaCha20Poly1305.KeySize, random);
        Result<byte[]> keyEnvelope = _channel.Seal(to, key.Span, random);
        if (!keyEnvelope.TryGet(out byte[]? envelope, out error))
        {
            return error;
        }

        // A fresh key seals exactly one batch, so the all-zero nonce is never reused under a key.
        byte[] ciphertext = new byte[batch.Length + XChaCha20Poly1305.TagSize];
        XChaCha20Poly1305.Encrypt(key.Span, new byte[XChaCha20Poly1305.NonceSize], AssociatedData, batch, ciphertext);
        CryptographicOperations.ZeroMemory(batch);
        // More may be left when the page was full or the byte bound cut it; the oldest picked position continues it.
        bool more = picked.Count > 0 && (page.Count == requested || picked.Count < page.Count);
        return new HistoryPage(new HistoryTransferFrame(envelope, ciphertext).ToBytes(), picked.Count, more ? picked[^1].Position : null);
    }

    /// <summary>
    /// Stores the messages of a transfer from <paramref name="from"/>, which must be one of <paramref name="ownDevices"/>;
    /// ids on the conversation's refusal list are skipped. On any error nothing is stored.
    /// </summary>
    /// <returns>How many messages were stored.</returns>
    public Result<int> Import(DeviceId from, ReadOnlySpan<byte> transfer, IReadOnlyCollection<DeviceId> ownDevices, IMessageStore messages)
    {
        ArgumentNullException.ThrowIfNull(ownDevices);
        ArgumentNullException.ThrowIfNull(messages);
        if (!ownDevices.Contains(from) || from == _channel.Local)
        {
            return MessagingErrors.NotOwnDevice;
        }

        if (!HistoryTransferFrame.Decode(transfer).TryGet(out HistoryTransferFrame? frame, out KithError? error))
        {
            return error;
        }

        if (frame.Ciphertext.Length < XChaCha20Poly1305.TagSize)
        {
            return Wire.WireErrors.Truncated;
        }

        if (!_channel.Open(from, frame.KeyEnvelope).TryGet(out byte[]? key, out error))
        {
            return error;
        }

        byte[] plaintext = new byte[frame.Ciphertext.Length - XChaCha20Poly1305.TagSize];
        try
        {
            if (key.Length != XChaCha20Poly1305.KeySize
                || !XChaCha20Poly1305.TryDecrypt(key, new byte[XChaCha20Poly1305.NonceSize], AssociatedData, frame.Ciphertext, plaintext))
            {
                return MessagingErrors.BadHistory;
            }

            if (!HistoryBatch.Decode(plaintext).TryGet(out HistoryBatch? batch, out error))
            {
                return error;
            }

            var refusals = new ChainStore(_state, batch.Conversation);
            int stored = 0;
            long clearedUpTo = refusals.ClearedUpTo();
            foreach (HistoryMessage m in batch.Messages.Where(m => !refusals.IsRefused(m.Id) && m.TimestampUnixMs > clearedUpTo))
            {
                messages.Put(batch.Conversation, new ShownMessage(m.Id, m.Author, m.TimestampUnixMs, m.Position, m.Content));
                stored++;
            }

            return stored;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Names the device only.</summary>
    public override string ToString() => $"HistoryTransfer({_channel.Local})";
}

/// <summary>One exported page of history.</summary>
/// <param name="Transfer">The bytes to deliver to the new device (a <see cref="HistoryTransferFrame"/>).</param>
/// <param name="Count">How many messages it carries.</param>
/// <param name="NextBefore">The position to export before next; null when the conversation is exhausted.</param>
public sealed record HistoryPage(byte[] Transfer, int Count, long? NextBefore)
{
    /// <summary>Prints the count only.</summary>
    public override string ToString() => $"HistoryPage({Count} messages)";
}
