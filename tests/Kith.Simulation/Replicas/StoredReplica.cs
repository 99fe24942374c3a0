using System.Text;
using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.SenderKeys;
using Kith.Protocol.Sync;
using Kith.Simulation.Broken;
using Kith.Simulation.World;
using Kith.Storage.Database;
using Kith.Storage.Keyring;
using Kith.Storage.Stores;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Simulation.Replicas;

/// <summary>
/// The first replica: a <see cref="ConversationLog"/> synced by one <see cref="SyncSession"/> per peer, its
/// accepted events in a <see cref="SqliteEventStore"/> and its <see cref="SenderChain"/> in a
/// <see cref="SqliteStateStore"/> of the device's own encrypted database. Each step commits the events it
/// accepted (and, for a send, the advanced chain) in one transaction before its messages leave.
/// </summary>
internal sealed class StoredReplica : ISimReplica
{
    private const string ChainKind = "sim.sender_chain";
    private static readonly byte[] Passphrase = "simulated device"u8.ToArray();

    /// <summary>Argon2id at its cheapest, as Kith.Storage.Tests: restarts are frequent and the KDF is not under test.</summary>
    private static readonly PassphraseKdfParameters FastKdf = new(1, 64);

    private readonly ReplicaSetup _setup;
    private readonly Dictionary<DeviceId, SyncSession> _sessions = [];
    private KithDatabase? _database;
    private ConversationLog? _log;
    private SenderChain? _chain;
    private ulong _openings;

    private StoredReplica(ReplicaSetup setup) => _setup = setup;

    public DeviceId Device => _setup.Device;

    /// <summary>Off except in the tests that prove the simulator catches a broken replica.</summary>
    public StoredReplicaDefect Defect { get; init; }

    public int PendingCount => Log.PendingCount;

    private ConversationLog Log => _log ?? throw new InvalidOperationException("The device is down.");

    private KithDatabase Database => _database ?? throw new InvalidOperationException("The device is down.");

    private ConversationId Conversation => _setup.Directory.Conversation;

    /// <summary>Creates the device's store and sender chain and registers the chain with the directory.</summary>
    public static StoredReplica Create(ReplicaSetup setup, StoredReplicaDefect defect = StoredReplicaDefect.None)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var replica = new StoredReplica(setup) { Defect = defect };
        replica._database = KithDatabase.Create(setup.Folder, Passphrase, replica.NextOptions()).Value;
        var chain = SenderChain.Create(setup.Directory.Conversation, DateTimeOffset.FromUnixTimeMilliseconds(setup.NowUnixMs),
            new SeededRandomSource(setup.Seed));
        setup.Directory.Register(setup.Device, chain);
        new SqliteStateStore(replica.Database).Write(ChainKind, setup.Device.Span, chain.Serialize());
        replica._chain = chain;
        replica._log = replica.NewLog();
        return replica;
    }

    public ConversationEvent Send(string text, long nowUnixMs)
    {
        SenderChain chain = _chain ?? throw new InvalidOperationException("The device is down.");
        ConversationLog log = Log;

        // Briar's rule: never earlier than a parent, whatever this device's clock says.
        long timestamp = Math.Max(nowUnixMs, log.LatestTimestamp);
        IReadOnlyList<EventId> parents = log.ParentsForNextEvent();
        SenderKeyMessage sealedText = chain.Encrypt(Encoding.UTF8.GetBytes(text),
            EventContent.AssociatedData(Conversation, Device, timestamp));
        byte[] content = ConversationEvent.SignedContentFor(Conversation, Device, parents, timestamp, chain.ChainId,
            sealedText.Index, chain.SigningPublicKey, sealedText.Ciphertext);
        var written = new ConversationEvent(Conversation, Device, parents, timestamp, chain.ChainId, sealedText.Index,
            chain.SigningPublicKey, sealedText.Ciphertext, chain.Sign(content));
        EventAddResult added = log.Add(written, nowUnixMs).Value;
        if (added.Outcome != EventAddOutcome.Accepted)
        {
            throw new InvalidOperationException($"A device's own event was not accepted: {added.Outcome}.");
        }

        // The event and the advanced chain commit together, so a restart never reuses a chain index.
        Database.RunInTransaction(transaction =>
        {
            new SqliteEventStore(transaction).Append(Conversation, written);
            if (Defect != StoredReplicaDefect.ForgetsChainIndex)
            {
                new SqliteStateStore(transaction).Write(ChainKind, Device.Span, chain.Serialize());
            }
        });
        return written;
    }

    public IReadOnlyList<byte[]> Connect(DeviceId peer)
    {
        var session = new SyncSession(Log);
        _sessions[peer] = session;
        return [session.Start().Encode()];
    }

    public IReadOnlyList<byte[]> Deliver(DeviceId peer, byte[] message, long nowUnixMs)
    {
        if (!_sessions.TryGetValue(peer, out SyncSession? session) || !SyncMessage.Decode(message).TryGet(out SyncMessage? decoded, out _))
        {
            return [];
        }

        if (!session.Receive(decoded!, nowUnixMs).TryGet(out SyncStep? step, out KithError? _))
        {
            return [];
        }

        if (step!.Accepted.Count > 0 && Defect != StoredReplicaDefect.ForgetsReceivedEvents)
        {
            Database.RunInTransaction(transaction =>
            {
                var store = new SqliteEventStore(transaction);
                foreach (EventId id in step.Accepted)
                {
                    Log.TryGet(id, out ConversationEvent? accepted);
                    store.Append(Conversation, accepted!);
                }
            });
        }

        return [.. step.Outgoing.Select(m => m.Encode())];
    }

    public void Crash()
    {
        _sessions.Clear();
        _log = null;
        _chain?.Dispose();
        _chain = null;
        _database?.Dispose();
        _database = null;
    }

    public void Restart()
    {
        if (_database is not null)
        {
            throw new InvalidOperationException("Only a crashed device restarts.");
        }

        _database = KithDatabase.Open(_setup.Folder, Passphrase, NextOptions()).Value;
        byte[] chainState = new SqliteStateStore(Database).Read(ChainKind, Device.Span).Value
            ?? throw new InvalidOperationException("The device's sender chain is missing from its store.");
        _chain = SenderChain.Deserialize(chainState).Value;

        // The store holds every event after its parents, so replaying it accepts each in turn. Each was checked
        // against the clock when it arrived; replay must not refuse it because the clock is behind its author's.
        ConversationLog log = NewLog();
        foreach (ConversationEvent stored in new SqliteEventStore(Database).All(Conversation).Value)
        {
            EventAddOutcome outcome = log.Add(stored, long.MaxValue - Limits.MaxEventClockSkewMs).Value.Outcome;
            if (outcome != EventAddOutcome.Accepted)
            {
                throw new InvalidOperationException($"A stored event replayed as {outcome}.");
            }
        }

        _log = log;
    }

    public IReadOnlyList<EventId> Order() => Log.Order();

    public IReadOnlySet<EventId> EventIds() => Log.Order().ToHashSet();

    public IReadOnlyList<ConversationEvent> StoredEvents() => new SqliteEventStore(Database).All(Conversation).Value;

    public void Dispose() => Crash();

    private ConversationLog NewLog() => new(Conversation, _setup.Directory.MembershipFor(_setup.Device), _setup.MaxPendingEvents);

    /// <summary>A fresh nonce source per opening: reseeding the same one would repeat value-encryption nonces.</summary>
    private KithDatabaseOptions NextOptions() => new()
    {
        KdfParameters = FastKdf,
        Random = new SeededRandomSource(unchecked(_setup.Seed * 0x9E3779B97F4A7C15UL + ++_openings)),
    };

    public override string ToString() => $"StoredReplica({Device})";
}
