using Kith.Crypto;
using Kith.Protocol.Accounts;
using Kith.Protocol.Contacts;
using Kith.Protocol.Devices;
using Kith.Wire.Cards;
using Kith.Wire.Devices;

namespace Kith.Protocol.Tests.Contacts;

/// <summary>An account of <c>n</c> devices with full keys (three one-time prekeys each), and its card.</summary>
internal sealed class CardFixture : IDisposable
{
    public const long Start = 1_700_000_000_000;
    public const long Day = 24L * 60 * 60 * 1000;

    public CardFixture(ulong seed, int devices, string name = "Ada Lovelace")
    {
        Random = new SeededRandomSource(seed);
        Devices = [.. Enumerable.Range(0, devices).Select(_ => DeviceKeys.Generate(Random, oneTimePrekeys: 3, oneTimePqPrekeys: 0))];
        Log = AccountLog.Create(AccountEntries.Genesis(Devices[0].Identity, Now, Random)).Value;
        for (int i = 1; i < devices; i++)
        {
            Assert.True(Log.Add(AccountEntries.Add(Devices[0].Identity, Devices[i].Identity, Log.Account, Log.Heads, ++Now)).IsOk);
        }

        Assert.True(Log.Add(AccountEntries.Profile(Devices[0].Identity, Log.Account, Log.Heads, ++Now, name)).IsOk);
        Records = [.. Devices.Select(d => d.IssueRecord([DeviceTransport.Onion(443), DeviceTransport.DirectTcp("192.168.1.20", 7070)], Now))];
    }

    public SeededRandomSource Random { get; }

    public List<DeviceKeys> Devices { get; }

    public AccountLog Log { get; }

    public List<DeviceRecord> Records { get; }

    public long Now { get; set; } = Start;

    public ContactCard Card(long lifetime = 30 * Day) => ContactCards.Issue(Devices[0], Log, Records, Now, lifetime);

    public void Dispose()
    {
        foreach (DeviceKeys device in Devices)
        {
            device.Dispose();
        }
    }
}
