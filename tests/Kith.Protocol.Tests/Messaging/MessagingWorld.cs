using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Conversations;
using Kith.Protocol.Devices;
using Kith.Protocol.Messaging;
using Kith.Protocol.SenderKeys;
using Kith.Protocol.Sessions;
using Kith.Protocol.Storage;
using Kith.Wire.Accounts;
using Kith.Wire.Conversations;
using Kith.Wire.Messaging;
using Kith.Wire.Prekeys;

namespace Kith.Protocol.Tests.Messaging;

/// <summary>
/// Alice (A1, A2) and Bob (B1, B2), each device with its own in-memory stores, on virtual time and seeded
/// randomness. Events move only when a test hands them over, so any relay path can be staged.
/// </summary>
internal sealed class MessagingWorld
{
    public const long Start = 1_700_000_000_000;

    private readonly Dictionary<DeviceId, Device> _devices = [];

    public MessagingWorld(ulong seed, SenderChainRotationPolicy? rotation = null)
    {
        Random = new SeededRandomSource(seed);
        Rotation = rotation;
        Alice = new Account(this, 2);
        Bob = new Account(this, 2);
        OneToOne = ConversationIds.OneToOne(Alice.Id, Bob.Id);
    }

    public SeededRandomSource Random { get; }

    public SenderChainRotationPolicy? Rotation { get; }

    public long Now { get; set; } = Start;

    public Account Alice { get; }

    public Account Bob { get; }

    public ConversationId OneToOne { get; }

    public Device A1 => Alice.Devices[0];

    public Device A2 => Alice.Devices[1];

    public Device B1 => Bob.Devices[0];

    public Device B2 => Bob.Devices[1];

    public long Tick(long ms = 1000) => Now += ms;

    public byte[] RandomBytes(int length)
    {
        byte[] bytes = new byte[length];
        Random.Fill(bytes);
        return bytes;
    }

    public AccountMembership MembershipOf(ConversationId conversation) =>
        conversation == OneToOne ? AccountMembership.FromLogs(conversation, Alice.Log, Bob.Log)
        : conversation == Alice.Own ? AccountMembership.FromLogs(conversation, Alice.Log)
        : AccountMembership.FromLogs(conversation, Bob.Log);

    /// <summary>Devices whose prekeys the others do not know yet (added from a QR card, before its account update).</summary>
    public HashSet<DeviceId> PrekeysUnknown { get; } = [];

    public DevicePrekeys? PrekeysOf(DeviceId device) =>
        !PrekeysUnknown.Contains(device) && _devices.TryGetValue(device, out Device? d) ? d.Keys.Prekeys.Published : null;

    internal Device NewDevice()
    {
        var device = new Device(this, DeviceKeys.Generate(Random, 0, 0));
        _devices.Add(device.Id, device);
        return device;
    }

    internal sealed class Account
    {
        private readonly MessagingWorld _world;

        public Account(MessagingWorld world, int devices)
        {
            _world = world;
            Devices = [world.NewDevice()];
            Log = AccountLog.Create(AccountEntries.Genesis(Devices[0].Keys.Identity, world.Tick(), world.Random)).Value;
            Own = ConversationIds.OwnAccount(Id);
            for (int i = 1; i < devices; i++)
            {
                Device added = world.NewDevice();
                Assert.True(Log.Add(AccountEntries.Add(Devices[0].Keys.Identity, added.Keys.Identity, Id, Log.Heads, world.Tick())).IsOk);
                Devices.Add(added);
            }
        }

        public List<Device> Devices { get; }

        public AccountLog Log { get; }

        public AccountId Id => Log.Account;

        public ConversationId Own { get; }

        public AccountEntry Revoke(Device by, Device revoked)
        {
            AccountEntry entry = AccountEntries.Revoke(by.Keys.Identity, Id, Log.Heads, _world.Tick(), revoked.Id);
            Assert.True(Log.Add(entry).IsOk);
            return entry;
        }
    }

    internal sealed class Device(MessagingWorld world, DeviceKeys keys)
    {
        private readonly Dictionary<ConversationId, ConversationReplica> _replicas = [];

        public DeviceKeys Keys { get; } = keys;

        public DeviceId Id => Keys.Device;

        public InMemoryEventStore Events { get; } = new();

        public TestMessageStore Messages { get; } = new();

        public InMemoryStateStore State { get; } = new();

        public InMemorySessionStore Sessions { get; } = new();

        public ReplicaStores Stores => new(Events, Messages, State, Sessions);

        public ConversationReplica Replica(ConversationId conversation)
        {
            if (!_replicas.TryGetValue(conversation, out ConversationReplica? replica))
            {
                replica = Restart(conversation);
            }

            return replica;
        }

        /// <summary>Forgets the in-memory replica and opens it again from the stores, as after a crash.</summary>
        public ConversationReplica Restart(ConversationId conversation)
        {
            ConversationReplica replica = ConversationReplica.Open(Keys.Prekeys, world.MembershipOf(conversation), Stores,
                world.PrekeysOf, world.Rotation).Value;
            _replicas[conversation] = replica;
            return replica;
        }

        public SendResult Send(ConversationId conversation, string text) => Send(conversation, new TextContent(text));

        public SendResult Send(ConversationId conversation, MessageContent content) =>
            Replica(conversation).Send(content, world.Now, world.Random).Value;

        public ReceiveResult Receive(ConversationId conversation, ConversationEvent e) => Replica(conversation).Receive(e, world.Now).Value;

        /// <summary>Receives every event in <paramref name="events"/>, in the order given.</summary>
        public List<ReceiveResult> ReceiveAll(ConversationId conversation, IEnumerable<ConversationEvent> events) =>
            [.. events.Select(e => Receive(conversation, e))];

        /// <summary>Receives everything <paramref name="from"/> holds, as a relay would pass it on.</summary>
        public List<ReceiveResult> SyncFrom(Device from, ConversationId conversation) =>
            ReceiveAll(conversation, from.Events.All(conversation).Value);

        /// <summary>The texts this device shows, in display order.</summary>
        public List<string> Texts(ConversationId conversation) =>
            [.. Messages.Latest(conversation, int.MaxValue).Value
                .Select(m => MessageContentCodec.DecodePadded(m.Content.Span).Value)
                .OfType<TextContent>().Select(t => t.Text)];

        public List<EventId> ShownIds(ConversationId conversation) =>
            [.. Messages.Latest(conversation, int.MaxValue).Value.Select(m => m.Id)];

        public override string ToString() => $"Device({Id})";
    }
}
