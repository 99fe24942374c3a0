using Kith.Crypto;
using Kith.Protocol.Devices;

namespace Kith.Protocol.Tests.Devices;

public sealed class DeviceKeysStateTests
{
    [Fact]
    public void Exported_keys_import_to_the_same_device_onion_and_prekeys()
    {
        using var keys = DeviceKeys.Generate(new SeededRandomSource(7), oneTimePrekeys: 3, oneTimePqPrekeys: 2);
        keys.Prekeys.ConsumeOneTime(2);
        using SecretBytes state = keys.ExportState();

        using DeviceKeys restored = DeviceKeys.ImportState(state.Span).Value;

        Assert.Equal(keys.Device, restored.Device);
        Assert.Equal(keys.OnionPublicKey.ToArray(), restored.OnionPublicKey.ToArray());
        Assert.True(keys.OnionSeed.FixedTimeEquals(restored.OnionSeed.Span));
        Assert.Equal(keys.Prekeys.Published.ToBytes(), restored.Prekeys.Published.ToBytes());
        Assert.True(keys.Prekeys.SignedPrekeyPrivateKey.FixedTimeEquals(restored.Prekeys.SignedPrekeyPrivateKey.Span));
        Assert.NotNull(restored.Prekeys.FindOneTime(1));
        Assert.Null(restored.Prekeys.FindOneTime(2));
        Assert.True(keys.Prekeys.FindPq(3)!.FixedTimeEquals(restored.Prekeys.FindPq(3)!.Span));
    }

    [Fact]
    public void A_truncated_or_extended_blob_is_refused()
    {
        using var keys = DeviceKeys.Generate(new SeededRandomSource(8), 1, 1);
        using SecretBytes state = keys.ExportState();
        byte[] bytes = state.Span.ToArray();

        Assert.Equal("device.bad_key_state", DeviceKeys.ImportState(bytes.AsSpan(0, bytes.Length - 1)).Error!.Code);
        Assert.Equal("device.bad_key_state", DeviceKeys.ImportState([.. bytes, 0]).Error!.Code);
        Assert.Equal("device.bad_key_state", DeviceKeys.ImportState([]).Error!.Code);
    }
}
