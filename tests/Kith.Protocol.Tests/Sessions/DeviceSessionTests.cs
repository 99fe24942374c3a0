using Kith.Crypto;
using Kith.Protocol.Prekeys;
using Kith.Protocol.Sessions;
using Kith.Wire.Sessions;

namespace Kith.Protocol.Tests.Sessions;

public class DeviceSessionTests
{
    private readonly SeededRandomSource _random = new(11);
    private readonly DevicePrekeySecrets _alice;
    private readonly DevicePrekeySecrets _bob;

    public DeviceSessionTests()
    {
        _alice = DevicePrekeySecrets.Generate(Ed25519SigningKey.Generate(_random), _random, 2, 1);
        _bob = DevicePrekeySecrets.Generate(Ed25519SigningKey.Generate(_random), _random, 2, 1);
    }

    // Alice names Bob's first one-time keys, as an initiator handed them for itself alone would.
    private DeviceSession StartAlice() =>
        DeviceSession.Initiate(_alice, _bob.Published.Device, _bob.Published, _random,
            _bob.Published.OneTimePrekeys[0].Id, _bob.Published.OneTimePqPrekeys[0].Id).Value;

    private static SessionEnvelopeKind KindOf(byte[] envelope) => SessionEnvelope.Decode(envelope).Value.Kind;

    [Fact]
    public void Alice_and_Bob_talk_both_ways_and_the_initial_header_stops_after_Bobs_reply()
    {
        using DeviceSession alice = StartAlice();
        byte[] first = alice.Encrypt("hello"u8, _random);
        byte[] second = alice.Encrypt("again"u8, _random);
        Assert.Equal(SessionEnvelopeKind.Prekey, KindOf(first));
        Assert.Equal(SessionEnvelopeKind.Prekey, KindOf(second));

        var (bob, plaintext) = DeviceSession.Accept(_bob, first).Value;
        using (bob)
        {
            Assert.Equal("hello"u8.ToArray(), plaintext);
            Assert.Equal(_alice.Published.Device, bob.PeerDevice);
            Assert.Equal("again"u8.ToArray(), bob.Decrypt(second).Value);

            byte[] reply = bob.Encrypt("hi alice"u8, _random);
            Assert.Equal(SessionEnvelopeKind.Ratchet, KindOf(reply));
            Assert.True(alice.IsAwaitingFirstReply);
            Assert.Equal("hi alice"u8.ToArray(), alice.Decrypt(reply).Value);
            Assert.False(alice.IsAwaitingFirstReply);

            byte[] third = alice.Encrypt("third"u8, _random);
            Assert.Equal(SessionEnvelopeKind.Ratchet, KindOf(third));
            Assert.Equal("third"u8.ToArray(), bob.Decrypt(third).Value);
        }
    }

    [Fact]
    public void A_tampered_initial_message_is_refused_and_consumes_no_prekey()
    {
        using DeviceSession alice = StartAlice();
        byte[] first = alice.Encrypt("hello"u8, _random);
        uint oneTime = _bob.Published.OneTimePrekeys[0].Id;
        uint oneTimePq = _bob.Published.OneTimePqPrekeys[0].Id;
        for (int i = 0; i < first.Length; i += 97)
        {
            byte[] tampered = (byte[])first.Clone();
            tampered[i] ^= 0x40;
            Assert.False(DeviceSession.Accept(_bob, tampered).IsOk);
        }

        Assert.False(DeviceSession.Accept(_bob, first[..^1]).IsOk);
        Assert.NotNull(_bob.FindOneTime(oneTime));
        Assert.NotNull(_bob.FindPq(oneTimePq));
        Assert.True(DeviceSession.Accept(_bob, first).IsOk);
        Assert.Null(_bob.FindOneTime(oneTime));
    }

    [Fact]
    public void A_replayed_initial_message_cannot_open_a_second_session()
    {
        using DeviceSession alice = StartAlice();
        byte[] first = alice.Encrypt("hello"u8, _random);
        Assert.True(DeviceSession.Accept(_bob, first).IsOk);
        Assert.False(DeviceSession.Accept(_bob, first).IsOk);
    }

    [Fact]
    public void A_ratchet_envelope_without_a_session_says_so()
    {
        using DeviceSession alice = StartAlice();
        var (bob, _) = DeviceSession.Accept(_bob, alice.Encrypt("x"u8, _random)).Value;
        byte[] reply = bob.Encrypt("y"u8, _random);
        Assert.Equal(SessionErrors.NoSession, DeviceSession.Accept(_bob, reply).Error);
    }

    [Fact]
    public void A_session_survives_serialisation_and_garbage_state_is_an_error()
    {
        using DeviceSession alice = StartAlice();
        var (bob, _) = DeviceSession.Accept(_bob, alice.Encrypt("x"u8, _random)).Value;
        using DeviceSession restored = DeviceSession.Deserialize(alice.Serialize()).Value;
        Assert.True(restored.IsAwaitingFirstReply);
        Assert.Equal("after restart"u8.ToArray(), bob.Decrypt(restored.Encrypt("after restart"u8, _random)).Value);

        byte[] state = bob.Serialize();
        for (int length = 0; length < state.Length; length += 13)
        {
            Assert.Equal(SessionErrors.BadState, DeviceSession.Deserialize(state.AsSpan(0, length)).Error);
        }
    }

    [Fact]
    public void A_session_never_prints_its_keys()
    {
        using DeviceSession alice = StartAlice();
        Assert.DoesNotContain("Ratchet", alice.ToString(), StringComparison.Ordinal);
        Assert.Contains(_bob.Published.Device.ToString(), alice.ToString(), StringComparison.Ordinal);
    }
}
