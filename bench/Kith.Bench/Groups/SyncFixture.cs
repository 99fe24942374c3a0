using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.SenderKeys;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Wire.Conversations;

namespace Kith.Bench.Groups;

/// <summary>
/// The replica that serves the <c>sync</c> benchmark: <see cref="SyncGroup.EventCount"/> events, each a
/// 100-byte message sealed with a real <see cref="SenderChain"/> and signed with its key, on the previous
/// event (a device writing alone), stored in an encrypted SQLite store and loaded into a
/// <see cref="ConversationLog"/> from it (<see cref="ConversationLog.Replay"/>), as a device opening its store does.
/// </summary>
internal sealed class SyncFixture : IConversationMembership, IDisposable
{
    private const int MessageSize = 100;
    private const long FirstTimestamp = 1_700_000_000_000;

    private readonly SenderChain _chain;
    private readonly DeviceId _author;

    public SyncFixture(IRandomSource random, KithDatabase store, int count)
    {
        byte[] id = new byte[Id32.Size];
        random.Fill(id);
        Conversation = ConversationId.FromBytes(id);
        random.Fill(id);
        _author = DeviceId.FromBytes(id);
        _chain = SenderChain.Create(Conversation, DateTimeOffset.FromUnixTimeMilliseconds(FirstTimestamp), random);
        Write(random, store, count);
        Log = new ConversationLog(Conversation, this);
        _ = Log.Replay(new SqliteEventStore(store).All(Conversation).Value);
    }

    public ConversationId Conversation { get; }

    /// <summary>The serving replica's log, loaded from its store.</summary>
    public ConversationLog Log { get; }

    /// <summary>A clock just after the last event.</summary>
    public long NowUnixMs { get; private set; } = FirstTimestamp;

    public bool IsMember(ConversationId conversation, DeviceId author, long timestampUnixMs) =>
        conversation == Conversation && author == _author;

    public void Dispose() => _chain.Dispose();

    public override string ToString() => nameof(SyncFixture);

    private void Write(IRandomSource random, KithDatabase store, int count)
    {
        byte[] plaintext = new byte[MessageSize];
        byte[] header = [.. Conversation.Span, .. _author.Span];
        EventId? last = null;
        for (int done = 0; done < count;)
        {
            int batch = Math.Min(1000, count - done);
            store.RunInTransaction(transaction =>
            {
                var events = new SqliteEventStore(transaction);
                for (int i = 0; i < batch; i++)
                {
                    random.Fill(plaintext);
                    EventId[] parents = last is { } previous ? [previous] : [];
                    uint index = _chain.Index;
                    byte[] ciphertext = _chain.Encrypt(plaintext, header).Ciphertext;
                    ConversationEvent written = ConversationEvent.Create(Conversation, _author, parents, NowUnixMs++, _chain.ChainId,
                        index, _chain.SigningPublicKey, ciphertext, _chain.Sign);
                    events.Append(Conversation, written);
                    last = written.Id;
                }
            });
            done += batch;
        }
    }
}
