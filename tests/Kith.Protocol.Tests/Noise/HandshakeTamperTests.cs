using Kith.Primitives.Errors;
using Kith.Protocol.Noise;

namespace Kith.Protocol.Tests.Noise;

/// <summary>
/// Every single-bit flip and every truncation of every XX and IK handshake message makes the handshake
/// fail: at the reader when the message is authenticated, otherwise (XX message 1, which is an ephemeral
/// key and a clear payload) at the next message, whose transcript no longer matches.
/// </summary>
public class HandshakeTamperTests
{
    private const ulong Seed = 42;

    public static TheoryData<string, int> Messages => new()
    {
        { "XX", 0 }, { "XX", 1 }, { "XX", 2 }, { "IK", 0 }, { "IK", 1 },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_single_bit_flip_of_a_handshake_message_fails_the_handshake(string pattern, int index)
    {
        byte[] genuine = GenuineMessage(pattern, index);
        for (int bit = 0; bit < genuine.Length * 8; bit++)
        {
            byte[] tampered = (byte[])genuine.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            AssertHandshakeFails(pattern, index, tampered, $"bit {bit}");
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_truncation_and_an_extension_of_a_handshake_message_fail_the_handshake(string pattern, int index)
    {
        byte[] genuine = GenuineMessage(pattern, index);
        for (int length = 0; length < genuine.Length; length++)
        {
            AssertHandshakeFails(pattern, index, genuine[..length], $"length {length}");
        }

        AssertHandshakeFails(pattern, index, [.. genuine, 0], "one byte appended");
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void The_genuine_message_is_reproducible_and_accepted(string pattern, int index)
    {
        byte[] genuine = GenuineMessage(pattern, index);
        using NoiseHarness harness = Start(pattern, index);
        Assert.Equal(genuine, harness.Write(index).Message);
        Assert.True(harness.Read(index, genuine).IsOk);
    }

    private static NoiseHarness Start(string name, int index)
    {
        Assert.True(HandshakePattern.TryGet(name, out HandshakePattern? pattern));
        var harness = new NoiseHarness(pattern, Seed);
        harness.RunMessages(index);
        return harness;
    }

    private static byte[] GenuineMessage(string pattern, int index)
    {
        using NoiseHarness harness = Start(pattern, index);
        return harness.Write(index).Message;
    }

    private static void AssertHandshakeFails(string pattern, int index, byte[] tampered, string what)
    {
        using NoiseHarness harness = Start(pattern, index);
        _ = harness.Write(index); // same seeds, so the same message the tampered bytes came from
        HandshakeState reader = harness.ReceiverOf(index);
        Result<HandshakeReadResult> read = reader.ReadMessage(tampered);
        bool authenticated = !(pattern == "XX" && index == 0);
        if (!read.IsOk)
        {
            Assert.True(read.Error.Code is NoiseErrors.BadTagCode or NoiseErrors.TruncatedCode, $"{what}: {read.Error.Code}");
            Assert.Equal(ErrorScope.Session, read.Error.Scope);
            AssertAborted(reader, tampered);
            return;
        }

        Assert.False(authenticated, $"{what}: an authenticated handshake message was accepted after tampering");
        Assert.False(read.Value.IsComplete);
        HandshakeWriteResult next = harness.Write(index + 1);
        Result<HandshakeReadResult> nextRead = harness.Read(index + 1, next.Message);
        Assert.False(nextRead.IsOk, $"{what}: the tampering went unnoticed");
        Assert.Equal(NoiseErrors.BadTagCode, nextRead.Error.Code);
        AssertAborted(harness.ReceiverOf(index + 1), next.Message);
    }

    private static void AssertAborted(HandshakeState state, byte[] message)
    {
        Assert.Equal(HandshakeStatus.Aborted, state.Status);
        Assert.False(state.IsMyTurnToWrite);
        Assert.Equal(NoiseErrors.AbortedCode, state.ReadMessage(message).Error?.Code);
        Assert.Equal(NoiseErrors.AbortedCode, state.WriteMessage([]).Error?.Code);
        Assert.Throws<InvalidOperationException>(() => state.GetHandshakeHash());
    }
}
