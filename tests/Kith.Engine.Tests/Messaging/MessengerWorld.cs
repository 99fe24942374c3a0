using Kith.Crypto;
using Kith.Engine.Messaging;
using Kith.Engine.Tests.Support;
using Kith.Primitives.Ids;
using Kith.Protocol.Accounts;
using Kith.Protocol.Devices;
using Kith.Protocol.Storage;
using Kith.Storage.Stores;
using Kith.Primitives.Errors;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Kith.Wire.Messaging;
using Kith.Wire.Prekeys;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Engine.Tests.Messaging;

/// <summary>
/// Alice and Bob with devices whose messengers run over one in-memory <see cref="LinkNetwork"/> on virtual time and
/// seeded randomness. Account logs and published prekeys are shared here as the contact exchange would share them.
/// </summary>
internal sealed class MessengerWorld : IDisposable
{
    private readonly Dictionary<DeviceId, DeviceKeys> _keys = [];
    private readonly SeededRandomSource _random;
    private readonly int _oneTimePrekeys;

    public MessengerWorld(ulong seed, int aliceDevices, int bobDevices, int oneTimePrekeys = 0)
    {
        _random = new SeededRandomSource(seed);
        _oneTimePrekeys = oneTimePrekeys;
        Network = new LinkNetwork(Time, seed);
        Alice = new Account(this, aliceDevices);
        Bob = new Account(this, bobDevices);
        Alice.Contact = Bob;
        Bob.Contact = Alice;
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));

    public LinkNetwork Network { get; }

    public Account Alice { get; }

    public Account Bob { get; }

    /// <summary>Devices whose prekeys the others do not know yet (added from a QR card, before its account update).</summary>
    public HashSet<DeviceId> PrekeysUnknown { get; } = [];

    public DevicePrekeys? PrekeysOf(DeviceId device) =>
        !PrekeysUnknown.Contains(device) && _keys.TryGetValue(device, out DeviceKeys? keys) ? keys.Prekeys.Published : null;

    /// <summary>
    /// Alice's first two devices and Bob's first, started in memory and linked each to each: the cast of the
    /// deletion and revocation tests.
    /// </summary>
    public (Device A1, Device A2, Device B1) StartAliceTwoBobOne()
    {
        var (a1, a2, b1) = (Alice.Devices[0], Alice.Devices[1], Bob.Devices[0]);
        a1.Start();
        a2.Start();
        b1.Start();
        a1.ConnectTo(a2, b1);
        a2.ConnectTo(b1);
        return (a1, a2, b1);
    }

    /// <summary>Delivers every frame in flight, advancing time so resends fire, until the network is quiet.</summary>
    public void Settle()
    {
        for (int round = 0; round < 50; round++)
        {
            Network.Pump();
            Time.Advance(TimeSpan.FromMinutes(5));
            if (Network.Pump() == 0)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        foreach (Device device in Alice.Devices.Concat(Bob.Devices))
        {
            device.Dispose();
        }
    }

    private DeviceKeys NewKeys()
    {
        DeviceKeys keys = DeviceKeys.Generate(_random, _oneTimePrekeys, 0);
        _keys.Add(keys.Device, keys);
        return keys;
    }

    internal sealed class Account : IMessengerDirectory
    {
        private readonly MessengerWorld _world;

        public Account(MessengerWorld world, int devices)
        {
            _world = world;
            DeviceKeys first = world.NewKeys();
            Log = AccountLog.Create(AccountEntries.Genesis(first.Identity, Now(), world._random)).Value;
            Devices = [new Device(world, this, first)];
            for (int i = 1; i < devices; i++)
            {
                DeviceKeys added = world.NewKeys();
                Assert.True(Log.Add(AccountEntries.Add(first.Identity, added.Identity, Log.Account, Log.Heads, Now())).IsOk);
                Devices.Add(new Device(world, this, added));
            }
        }

        public AccountLog Log { get; }

        public Account Contact { get; set; } = null!;

        public List<Device> Devices { get; }

        public AccountId OwnAccount => Log.Account;

        public IReadOnlyList<AccountId> Contacts => [Contact.Log.Account];

        public AccountLog? LogOf(AccountId account) =>
            account == Log.Account ? Log : account == Contact.Log.Account ? Contact.Log : null;

        public DevicePrekeys? PrekeysOf(DeviceId device) => _world.PrekeysOf(device);

        // The world shares one log per account among its devices: nothing travels, so updates are no-ops here
        // (AccountWorld gives each device its own directory for the account-update tests).
        public IReadOnlyList<DeviceRecord> OwnRecords() => [];

        public Result<bool> Apply(AccountUpdate update, long nowUnixMs) => false;

        /// <summary>Revokes <paramref name="revoked"/> by <paramref name="by"/>'s identity, and tells every device's messenger.</summary>
        public void Revoke(Device by, Device revoked)
        {
            Assert.True(Log.Add(AccountEntries.Revoke(by.Keys.Identity, Log.Account, Log.Heads, Now(), revoked.Id)).IsOk);
            foreach (Device device in _world.Alice.Devices.Concat(_world.Bob.Devices).Where(d => d.Messenger is not null))
            {
                device.Messenger!.RefreshMembership();
            }
        }

        private long Now() => _world.Time.GetUtcNow().ToUnixTimeMilliseconds();

        public override string ToString() => $"Account({Log.Account})";
    }

    internal sealed class Device(MessengerWorld world, Account account, DeviceKeys keys) : IDisposable
    {
        private TempDatabase? _database;

        public DeviceKeys Keys { get; } = keys;

        public DeviceId Id => Keys.Device;

        public Account Account { get; } = account;

        public Messenger? Messenger { get; private set; }

        public IStepRunner? Runner { get; private set; }

        public List<MessageShownEventArgs> Shown { get; } = [];

        public Messenger Online => Messenger ?? throw new InvalidOperationException("offline");

        /// <summary>Starts the device's messenger (in memory, or over SQLite in a temp folder that survives restarts).</summary>
        public Messenger Start(bool sqlite = false, Func<IStepRunner, IStepRunner>? wrap = null)
        {
            if (sqlite)
            {
                _database ??= new TempDatabase(seed: Id.Span[0]);
                Runner = new SqliteStepRunner(_database.Database);
            }
            else
            {
                Runner ??= new InMemoryStepRunner();
            }

            IStepRunner runner = wrap is null ? Runner : wrap(Runner);
            Messenger = new Messenger(Keys, Account, runner, world.Network.Links(Id), world.Time, new SeededRandomSource(Id.Span[1]));
            Messenger.MessageShown += (_, e) => Shown.Add(e);
            Messenger.Start();
            return Messenger;
        }

        /// <summary>Drops the messenger (a killed process): nothing in memory survives; a SQLite device reopens its file.</summary>
        public void Kill()
        {
            DisconnectAll();
            Messenger?.Dispose();
            Messenger = null;
            _database?.Reopen();
        }

        /// <summary>Connects to each of <paramref name="others"/> that is online.</summary>
        public void ConnectTo(params Device[] others)
        {
            foreach (Device other in others.Where(o => o.Messenger is not null && o != this))
            {
                world.Network.Connect(Id, other.Id);
            }
        }

        public void DisconnectAll()
        {
            foreach (Device other in world.Alice.Devices.Concat(world.Bob.Devices))
            {
                world.Network.Disconnect(Id, other.Id);
            }
        }

        /// <summary>The texts this device shows in the 1:1 conversation, in display order.</summary>
        public List<string> Texts() =>
            [.. Online.Latest(Online.ConversationWith(Account.Contact.OwnAccount), 1000).Value
                .Select(v => v.Content).OfType<TextContent>().Select(t => t.Text)];

        public List<EventId> ShownIds() =>
            [.. Online.Latest(Online.ConversationWith(Account.Contact.OwnAccount), 1000).Value.Select(v => v.Message.Id)];

        public void Dispose()
        {
            Messenger?.Dispose();
            _database?.Dispose();
        }

        public override string ToString() => $"Device({Id})";
    }
}
