using Kith.Bench.Groups;

namespace Kith.Bench.Tests;

public sealed class RatchetMessageCostTests
{
    // Distinct powers of two, so every sum shows exactly which primitives it counted and how often.
    private static readonly RatchetMessageCost Cost = new(
        HmacSha256: 1,
        HkdfMessageKey: 2,
        BodyEncrypt: 4,
        BodyDecrypt: 8,
        HeaderEncrypt: 16,
        HeaderDecrypt: 32,
        X25519KeyGeneration: 64,
        X25519Agreement: 128,
        HkdfRootStep: 256);

    [Fact]
    public void Sender_pays_two_hmacs_one_expansion_and_both_encryptions() =>
        Assert.Equal((2 * 1) + 2 + 16 + 4, Cost.SendNanoseconds);

    [Fact]
    public void Receiver_pays_the_same_chain_step_and_both_decryptions() =>
        Assert.Equal(32 + (2 * 1) + 2 + 8, Cost.ReceiveNanoseconds);

    [Fact]
    public void Ratchet_step_is_one_key_generation_two_agreements_and_two_root_steps() =>
        Assert.Equal(64 + (2 * 128) + (2 * 256), Cost.RatchetStepNanoseconds);

    [Fact]
    public void Ping_pong_adds_the_ratchet_step_to_the_one_way_message()
    {
        Assert.Equal(Cost.SendNanoseconds + Cost.ReceiveNanoseconds, Cost.OneWayNanoseconds);
        Assert.Equal(Cost.OneWayNanoseconds + Cost.RatchetStepNanoseconds, Cost.PingPongNanoseconds);
        Assert.Equal(1e9 / Cost.PingPongNanoseconds, Cost.PingPongMessagesPerSecond);
    }

    [Fact]
    public void Header_and_associated_data_sizes_follow_the_header_layout()
    {
        Assert.Equal(40, RatchetMessageCost.HeaderSize);
        Assert.Equal(24 + 40 + 16, RatchetMessageCost.EncryptedHeaderSize);
    }
}
