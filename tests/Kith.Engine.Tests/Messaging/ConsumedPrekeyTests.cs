using Kith.Crypto;
using Kith.Engine.Messaging;
using Kith.Engine.Tests.Support;
using Kith.Protocol.Devices;
using Kith.Protocol.Prekeys;
using Kith.Storage.Stores;

namespace Kith.Engine.Tests.Messaging;

/// <summary>
/// PQXDH §3.4 across restarts: a one-time prekey a session used is deleted in memory, and the messenger writes the
/// deletion in its step, so a device restarted from its (unchanged) key blob does not get the key back.
/// </summary>
public sealed class ConsumedPrekeyTests
{
    [Fact]
    public void A_used_one_time_prekey_stays_deleted_after_a_restart_from_the_key_blob()
    {
        using var world = new MessengerWorld(seed: 41, aliceDevices: 1, bobDevices: 1, oneTimePrekeys: 3);
        DeviceKeys keys = world.Alice.Devices[0].Keys;
        using SecretBytes blob = keys.ExportState();
        using var database = new TempDatabase(seed: 41);
        keys.Prekeys.ConsumeOneTime(1); // what accepting a session that named OPK 1 does

        using (var first = new Messenger(keys, world.Alice, new SqliteStepRunner(database.Database), world.Network.Links(keys.Device),
            world.Time, new SeededRandomSource(1)))
        {
            first.Start();
        }

        using DeviceKeys restarted = DeviceKeys.ImportState(blob.Span).Value;
        Assert.NotNull(restarted.Prekeys.FindOneTime(1));
        using (var second = new Messenger(restarted, world.Alice, new SqliteStepRunner(database.Database), world.Network.Links(keys.Device),
            world.Time, new SeededRandomSource(2)))
        {
            second.Start();
        }

        Assert.Null(restarted.Prekeys.FindOneTime(1));
        Assert.NotNull(restarted.Prekeys.FindOneTime(2));
        Assert.Equal([1u], ConsumedPrekeys.Of(restarted.Prekeys).OneTime);
    }

    [Fact]
    public void The_stored_list_round_trips_and_bad_bytes_are_refused()
    {
        var consumed = new ConsumedPrekeys([1, 5], [3]);

        Assert.True(consumed.SameAs(ConsumedPrekeys.Decode(consumed.Encode()).Value));
        Assert.False(ConsumedPrekeys.Decode(consumed.Encode().AsSpan(0, 5)).IsOk);
        Assert.False(ConsumedPrekeys.Decode([0xFF, 0xFF]).IsOk);
    }
}
