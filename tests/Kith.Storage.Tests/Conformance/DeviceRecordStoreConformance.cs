using Kith.Primitives.Ids;
using Kith.Protocol.Contacts;
using Kith.Storage.Tests.Support;
using Kith.Wire.Devices;

namespace Kith.Storage.Tests.Conformance;

/// <summary>What every <see cref="IDeviceRecordStore"/> must do, run against each implementation.</summary>
public abstract class DeviceRecordStoreConformance : OwnedResources
{
    /// <summary>A new empty store.</summary>
    protected abstract IDeviceRecordStore CreateStore();

    private static readonly DeviceRecord[] Devices = [.. Enumerable.Range(1, 3).Select(i => ProtocolSamples.Device((ulong)i))];

    private static byte[][] Encoded(IEnumerable<DeviceRecord> records) => [.. records.Select(r => r.ToBytes())];

    [Fact]
    public void An_unknown_account_has_no_devices()
    {
        Assert.Empty(CreateStore().Load(ProtocolSamples.Account(1)));
    }

    [Fact]
    public void Records_load_back_byte_for_byte_ordered_by_device()
    {
        IDeviceRecordStore store = CreateStore();
        AccountId account = ProtocolSamples.Account(1);
        foreach (DeviceRecord record in Devices.Reverse())
        {
            store.Put(account, record);
        }

        Assert.Equal(Encoded(Devices.OrderBy(d => d.Device)), Encoded(store.Load(account)));
    }

    [Fact]
    public void Putting_a_record_of_the_same_device_replaces_it()
    {
        IDeviceRecordStore store = CreateStore();
        AccountId account = ProtocolSamples.Account(2);
        store.Put(account, ProtocolSamples.Device(7, issuedAtUnixMs: 1_000, port: 1));
        DeviceRecord newer = ProtocolSamples.Device(7, issuedAtUnixMs: 2_000, port: 2);
        store.Put(account, newer);
        Assert.Equal(Encoded([newer]), Encoded(store.Load(account)));
    }

    [Fact]
    public void Remove_forgets_one_device_and_ignores_unknown_ones()
    {
        IDeviceRecordStore store = CreateStore();
        AccountId account = ProtocolSamples.Account(3);
        foreach (DeviceRecord record in Devices)
        {
            store.Put(account, record);
        }

        store.Remove(account, Devices[1].Device);
        store.Remove(account, Devices[1].Device);
        store.Remove(ProtocolSamples.Account(4), Devices[0].Device);
        Assert.Equal(Encoded(new[] { Devices[0], Devices[2] }.OrderBy(d => d.Device)), Encoded(store.Load(account)));
    }

    [Fact]
    public void Accounts_are_kept_apart_even_for_the_same_device()
    {
        IDeviceRecordStore store = CreateStore();
        AccountId first = ProtocolSamples.Account(5);
        AccountId second = ProtocolSamples.Account(6);
        store.Put(first, Devices[0]);
        store.Put(first, Devices[1]);
        store.Put(second, Devices[0]);
        store.Remove(second, Devices[0].Device);
        Assert.Equal(Encoded(Devices[..2].OrderBy(d => d.Device)), Encoded(store.Load(first)));
        Assert.Empty(store.Load(second));
    }

    [Fact]
    public void Prekeys_survive_the_round_trip()
    {
        IDeviceRecordStore store = CreateStore();
        AccountId account = ProtocolSamples.Account(8);
        Assert.NotNull(Devices[0].Prekeys);
        store.Put(account, Devices[0]);
        DeviceRecord loaded = Assert.Single(store.Load(account));
        Assert.NotNull(loaded.Prekeys);
        Assert.Equal(Devices[0].ToBytes(), loaded.ToBytes());
        store.Put(account, Devices[0].WithoutPrekeys());
        Assert.Null(Assert.Single(store.Load(account)).Prekeys);
    }
}
