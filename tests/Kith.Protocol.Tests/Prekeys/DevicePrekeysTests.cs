using Kith.Crypto;
using Kith.Primitives.Errors;
using Kith.Protocol.Prekeys;
using Kith.Wire;
using Kith.Wire.Prekeys;

namespace Kith.Protocol.Tests.Prekeys;

public class DevicePrekeysTests
{
    private static (Ed25519SigningKey Identity, DevicePrekeySecrets Secrets) Make(ulong seed)
    {
        var random = new SeededRandomSource(seed);
        var identity = Ed25519SigningKey.Generate(random);
        return (identity, DevicePrekeySecrets.Generate(identity, random, oneTimeCount: 3, oneTimePqCount: 1));
    }

    private static Result<DevicePrekeys> Decode(byte[] bytes)
    {
        var reader = new WireReader(bytes);
        bool read = DevicePrekeys.TryRead(ref reader, out DevicePrekeys? prekeys);
        return read && reader.TryFinish(out _) ? prekeys! : reader.Error!;
    }

    [Fact]
    public void Generated_prekeys_round_trip_and_verify()
    {
        var (_, secrets) = Make(1);
        byte[] bytes = secrets.Published.ToBytes();
        DevicePrekeys decoded = Decode(bytes).Value;
        Assert.True(PrekeySignatures.Verify(decoded).IsOk);
        Assert.Equal(bytes, decoded.ToBytes());
        Assert.Equal(3, decoded.OneTimePrekeys.Count);
        Assert.Single(decoded.OneTimePqPrekeys);
    }

    [Fact]
    public void Prekeys_signed_by_another_device_are_refused()
    {
        var (_, secrets) = Make(2);
        var (_, other) = Make(3);
        DevicePrekeys published = secrets.Published;
        var forged = new DevicePrekeys(other.Published.Device, published.IdentityDhKey, published.IdentityDhKeySignature,
            published.SignedPrekey, published.LastResortPqPrekey, published.OneTimePqPrekeys, published.OneTimePrekeys);
        Assert.Equal(PrekeyErrors.BadSignature, PrekeySignatures.Verify(forged).Error);
    }

    [Fact]
    public void A_flipped_bit_in_any_signed_key_is_detected()
    {
        var (_, secrets) = Make(4);
        byte[] bytes = secrets.Published.ToBytes();
        // Offsets: version 1, device 32, identity DH key 32 (signed), its signature 64, SPK id 4, SPK 32, ...
        foreach (int offset in new[] { 1 + 32 + 5, 1 + 32 + 32 + 64 + 4 + 7, 1 + 32 + 32 + 64 + 4 + 32 + 64 + 4 + 1 + 100 })
        {
            byte[] tampered = (byte[])bytes.Clone();
            tampered[offset] ^= 0x01;
            Assert.False(PrekeySignatures.Verify(Decode(tampered).Value).IsOk);
        }
    }

    [Fact]
    public void Every_truncation_is_an_error_value()
    {
        var (_, secrets) = Make(5);
        byte[] bytes = secrets.Published.ToBytes();
        for (int length = 0; length < bytes.Length; length += 7)
        {
            Assert.False(Decode(bytes[..length]).IsOk);
        }
    }

    [Fact]
    public void One_time_keys_are_gone_once_consumed_but_the_last_resort_key_stays()
    {
        var (_, secrets) = Make(6);
        uint oneTime = secrets.Published.OneTimePrekeys[0].Id;
        uint pq = secrets.Published.OneTimePqPrekeys[0].Id;
        uint lastResort = secrets.Published.LastResortPqPrekey.Id;
        secrets.ConsumeOneTime(oneTime);
        secrets.ConsumePq(pq);
        secrets.ConsumePq(lastResort);
        Assert.Null(secrets.FindOneTime(oneTime));
        Assert.Null(secrets.FindPq(pq));
        Assert.NotNull(secrets.FindPq(lastResort));
    }
}
