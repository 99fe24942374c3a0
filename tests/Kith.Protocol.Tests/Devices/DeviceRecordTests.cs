using Kith.Wire.Onion;
using Kith.Crypto;
using Kith.Protocol.Devices;
using Kith.Wire.Devices;

namespace Kith.Protocol.Tests.Devices;

public class DeviceRecordTests
{
    [Fact]
    public void The_rend_spec_example_address_parses_and_re_encodes_identically()
    {
        // rend-spec-v3 §6 gives this address as its example.
        const string Example = "pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion";
        OnionAddress parsed = OnionAddress.Parse(Example).Value;
        Assert.Equal(Example, OnionAddress.FromPublicKey(parsed.PublicKey).HostName);
        Assert.Equal(parsed, OnionAddress.Parse(Example.ToUpperInvariant()[..^6]).Value);
    }

    [Fact]
    public void A_changed_character_or_wrong_length_is_not_an_onion_address()
    {
        const string Example = "pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion";
        Assert.Equal(OnionAddress.BadAddress, OnionAddress.Parse("ph" + Example[2..]).Error);
        Assert.Equal(OnionAddress.BadAddress, OnionAddress.Parse(Example[1..]).Error);
        Assert.Equal(OnionAddress.BadAddress, OnionAddress.Parse("1" + Example[1..]).Error);
    }

    [Fact]
    public void A_record_round_trips_and_verifies_and_its_onion_key_is_separate_from_the_identity()
    {
        var random = new SeededRandomSource(1);
        using var keys = DeviceKeys.Generate(random, 2, 1);
        DeviceRecord record = keys.IssueRecord([DeviceTransport.Onion(443), DeviceTransport.DirectTcp("10.0.0.2", 7070)], 123);
        DeviceRecord decoded = DeviceRecord.Decode(record.ToBytes()).Value;
        Assert.Equal(record.ToBytes(), decoded.ToBytes());
        Assert.True(DeviceRecords.Verify(decoded).IsOk);
        Assert.False(decoded.OnionKey.AsSpan().SequenceEqual(decoded.Device.Span));
        Assert.True(decoded.Transports[0].IsAnonymous);
        Assert.False(decoded.Transports[1].IsAnonymous);
        Assert.EndsWith(".onion", DeviceRecords.OnionAddressOf(decoded).HostName, StringComparison.Ordinal);
        Assert.Equal(record.ToBytes().Length - record.Prekeys!.ToBytes().Length, record.WithoutPrekeys().ToBytes().Length);
    }

    [Fact]
    public void Every_flipped_bit_in_the_signed_part_is_detected()
    {
        var random = new SeededRandomSource(2);
        using var keys = DeviceKeys.Generate(random, 0, 0);
        byte[] bytes = keys.IssueRecord([DeviceTransport.DirectTcp("host", 1)], 5).WithoutPrekeys().ToBytes();
        for (int bit = 0; bit < (bytes.Length - 1) * 8; bit++)
        {
            byte[] flipped = (byte[])bytes.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var decoded = DeviceRecord.Decode(flipped);
            Assert.False(decoded.IsOk && DeviceRecords.Verify(decoded.Value).IsOk, $"bit {bit}");
        }
    }
}
