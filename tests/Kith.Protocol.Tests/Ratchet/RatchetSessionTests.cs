using Kith.Crypto;
using Kith.Primitives;
using Kith.Protocol.Ratchet;

namespace Kith.Protocol.Tests.Ratchet;

public class RatchetSessionTests
{
    [Fact]
    public void Messages_flow_both_ways_across_several_ratchet_steps()
    {
        using var pair = RatchetPair.Create(1);
        for (int round = 0; round < 5; round++)
        {
            Assert.Equal($"a{round}", RatchetPair.Open(pair.Bob, pair.AliceSends($"a{round}")));
            Assert.Equal($"a{round}'", RatchetPair.Open(pair.Bob, pair.AliceSends($"a{round}'")));
            Assert.Equal($"b{round}", RatchetPair.Open(pair.Alice, pair.BobSends($"b{round}")));
        }
    }

    [Fact]
    public void Out_of_order_messages_decrypt_from_skipped_keys_across_chains()
    {
        using var pair = RatchetPair.Create(2);
        byte[] a0 = pair.AliceSends("a0"), a1 = pair.AliceSends("a1"), a2 = pair.AliceSends("a2");
        Assert.Equal("a2", RatchetPair.Open(pair.Bob, a2));
        Assert.Equal(2, pair.Bob.SkippedKeyCount);
        byte[] b0 = pair.BobSends("b0"), b1 = pair.BobSends("b1");
        Assert.Equal("b1", RatchetPair.Open(pair.Alice, b1));
        byte[] a3 = pair.AliceSends("a3");
        Assert.Equal("a3", RatchetPair.Open(pair.Bob, a3));
        Assert.Equal("a0", RatchetPair.Open(pair.Bob, a0));
        Assert.Equal("b0", RatchetPair.Open(pair.Alice, b0));
        Assert.Equal("a1", RatchetPair.Open(pair.Bob, a1));
        Assert.Equal(0, pair.Bob.SkippedKeyCount);
        Assert.Equal(0, pair.Alice.SkippedKeyCount);
    }

    [Fact]
    public void A_message_from_the_previous_chain_is_kept_through_the_pn_skip()
    {
        using var pair = RatchetPair.Create(3);
        Assert.Equal("a0", RatchetPair.Open(pair.Bob, pair.AliceSends("a0")));
        byte[] b0 = pair.BobSends("b0"), b1 = pair.BobSends("b1");
        Assert.Equal("b0", RatchetPair.Open(pair.Alice, b0));
        Assert.Equal("a1", RatchetPair.Open(pair.Bob, pair.AliceSends("a1")));
        byte[] b2 = pair.BobSends("b2");
        Assert.Equal("b2", RatchetPair.Open(pair.Alice, b2));
        Assert.Equal(1, pair.Alice.SkippedKeyCount);
        Assert.Equal("b1", RatchetPair.Open(pair.Alice, b1));
    }

    [Fact]
    public void Responder_cannot_send_before_the_first_message_arrives()
    {
        using var pair = RatchetPair.Create(4);
        Assert.False(pair.Bob.CanEncrypt);
        Assert.Throws<InvalidOperationException>(() => pair.BobSends("too early"));
        RatchetPair.Open(pair.Bob, pair.AliceSends("hello"));
        Assert.True(pair.Bob.CanEncrypt);
    }

    [Fact]
    public void Message_overhead_is_97_bytes()
    {
        using var pair = RatchetPair.Create(5);
        Assert.Equal(97, RatchetSession.MessageOverhead);
        Assert.Equal(97 + 11, pair.AliceSends("hello world").Length);
        Assert.Equal(97, RatchetSession.GetMessageLength(0));
    }

    [Fact]
    public void Oversized_plaintexts_are_refused_by_the_sender()
    {
        using var pair = RatchetPair.Create(15);
        Assert.ThrowsAny<ArgumentException>(() => pair.Alice.Encrypt(new byte[Limits.RatchetMaxPlaintextSize + 1], pair.Random));
        byte[] largest = pair.Alice.Encrypt(new byte[Limits.RatchetMaxPlaintextSize], pair.Random);
        Assert.Equal(Limits.RatchetMaxPlaintextSize, pair.Bob.Decrypt(largest).Value.Length);
    }

    [Fact]
    public void Equal_plaintexts_give_unrelated_messages()
    {
        using var pair = RatchetPair.Create(16);
        byte[] first = pair.AliceSends("same"), second = pair.AliceSends("same");
        Assert.NotEqual(first.AsSpan(1, 24).ToArray(), second.AsSpan(1, 24).ToArray());
        Assert.NotEqual(first.AsSpan(25).ToArray(), second.AsSpan(25).ToArray());
    }

    [Fact]
    public void Header_encoding_round_trips()
    {
        byte[] key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] encoded = new byte[Kith.Wire.Ratchet.RatchetHeader.Size];
        new Kith.Wire.Ratchet.RatchetHeader(key, 7, 0xDEADBEEF).Encode(encoded);
        Assert.Equal("00000007deadbeef", Convert.ToHexStringLower(encoded.AsSpan(32)));
        Assert.True(Kith.Wire.Ratchet.RatchetHeader.TryDecode(encoded, out var header, out _));
        Assert.Equal(key, header.RatchetPublicKey.ToArray());
        Assert.Equal(7u, header.PreviousChainLength);
        Assert.Equal(0xDEADBEEFu, header.MessageNumber);
    }

    [Fact]
    public void Span_encrypt_and_decrypt_match_the_array_forms()
    {
        using var pair = RatchetPair.Create(6);
        byte[] plaintext = [1, 2, 3, 4, 5];
        byte[] message = new byte[RatchetSession.GetMessageLength(plaintext.Length) + 7];
        int written = pair.Alice.Encrypt(plaintext, message, pair.Random);
        byte[] output = new byte[64];
        var result = pair.Bob.Decrypt(message.AsSpan(0, written), output);
        Assert.True(result.IsOk);
        Assert.Equal(plaintext, output.AsSpan(0, result.Value).ToArray());
    }

    [Fact]
    public void Too_large_a_skip_is_rejected_and_changes_nothing()
    {
        using var pair = RatchetPair.Create(7);
        var messages = new List<byte[]>();
        for (int i = 0; i <= Limits.RatchetMaxSkip + 1; i++)
        {
            messages.Add(pair.AliceSends($"m{i}"));
        }

        byte[] before = pair.Bob.Serialize();
        var result = pair.Bob.Decrypt(messages[Limits.RatchetMaxSkip + 1]);
        Assert.Equal(RatchetErrors.TooManySkipped, result.Error);
        Assert.Equal(before, pair.Bob.Serialize());

        Assert.Equal($"m{Limits.RatchetMaxSkip}", RatchetPair.Open(pair.Bob, messages[Limits.RatchetMaxSkip]));
        Assert.Equal(Limits.RatchetMaxSkip, pair.Bob.SkippedKeyCount);
        Assert.Equal("m17", RatchetPair.Open(pair.Bob, messages[17]));
    }

    [Fact]
    public void Too_large_a_skip_of_the_previous_chain_is_rejected_and_changes_nothing()
    {
        using var pair = RatchetPair.Create(14);
        RatchetPair.Open(pair.Bob, pair.AliceSends("a0"));
        var unread = new List<byte[]>();
        for (int i = 1; i <= Limits.RatchetMaxSkip + 2; i++)
        {
            unread.Add(pair.AliceSends($"a{i}"));
        }

        RatchetPair.Open(pair.Alice, pair.BobSends("b0"));
        byte[] nextChain = pair.AliceSends("next chain");

        byte[] before = pair.Bob.Serialize();
        Assert.Equal(RatchetErrors.TooManySkipped, pair.Bob.Decrypt(nextChain).Error);
        Assert.Equal(before, pair.Bob.Serialize());

        Assert.Equal($"a{Limits.RatchetMaxSkip}", RatchetPair.Open(pair.Bob, unread[Limits.RatchetMaxSkip - 1]));
        Assert.Equal("next chain", RatchetPair.Open(pair.Bob, nextChain));
        Assert.Equal(Limits.RatchetMaxSkip + 1, pair.Bob.SkippedKeyCount);
        Assert.Equal("a1", RatchetPair.Open(pair.Bob, unread[0]));
        Assert.Equal($"a{Limits.RatchetMaxSkip + 2}", RatchetPair.Open(pair.Bob, unread[^1]));
    }

    [Fact]
    public void Skipped_keys_stay_within_the_limits_and_the_oldest_are_evicted()
    {
        using var pair = RatchetPair.Create(8);
        var firsts = new List<byte[]>();
        for (int round = 0; round < Limits.RatchetMaxSkippedChains + 2; round++)
        {
            var chain = new List<byte[]>();
            for (int i = 0; i < 700; i++)
            {
                chain.Add(pair.AliceSends($"r{round} m{i}"));
            }

            firsts.Add(chain[0]);
            RatchetPair.Open(pair.Bob, chain[^1]);
            Assert.InRange(pair.Bob.SkippedKeyCount, 0, Limits.RatchetMaxSkippedMessageKeys);
            Assert.InRange(pair.Bob.State.Skipped.Chains.Count, 0, Limits.RatchetMaxSkippedChains);
            RatchetPair.Open(pair.Alice, pair.BobSends($"ack {round}"));
        }

        Assert.Equal(Limits.RatchetMaxSkippedMessageKeys, pair.Bob.SkippedKeyCount);
        Assert.False(pair.Bob.Decrypt(firsts[0]).IsOk);
        Assert.Equal($"r{firsts.Count - 1} m0", RatchetPair.Open(pair.Bob, firsts[^1]));
    }

    [Fact]
    public void Serialized_sessions_continue_the_conversation_exactly()
    {
        using var pair = RatchetPair.Create(9);
        byte[] a0 = pair.AliceSends("a0");
        RatchetPair.Open(pair.Bob, pair.AliceSends("a1"));
        pair.Bob = Roundtrip(pair.Bob);
        Assert.Equal(1, pair.Bob.SkippedKeyCount);
        byte[] b0 = pair.BobSends("b0");
        pair.Alice = Roundtrip(pair.Alice);
        Assert.Equal("b0", RatchetPair.Open(pair.Alice, b0));
        pair.Alice = Roundtrip(pair.Alice);
        Assert.Equal("a2", RatchetPair.Open(pair.Bob, pair.AliceSends("a2")));
        Assert.Equal("a0", RatchetPair.Open(pair.Bob, a0));

        static RatchetSession Roundtrip(RatchetSession session)
        {
            byte[] bytes = session.Serialize();
            RatchetSession copy = RatchetSession.Deserialize(bytes).Value;
            Assert.Equal(bytes, copy.Serialize());
            Assert.Equal(session.SkippedKeyCount, copy.SkippedKeyCount);
            session.Dispose();
            return copy;
        }
    }

    [Fact]
    public void ToString_prints_counters_and_no_key()
    {
        using var pair = RatchetPair.Create(10);
        RatchetPair.Open(pair.Bob, pair.AliceSends("x"));
        string text = pair.Bob.ToString();
        Assert.Equal("RatchetSession(Ns=0, Nr=1, PN=0, skipped=0)", text);
        Assert.DoesNotContain(Convert.ToHexString(pair.SharedSecret), text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_disposed_session_refuses_to_work()
    {
        using var pair = RatchetPair.Create(11);
        pair.Alice.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pair.AliceSends("x"));
        Assert.Throws<ObjectDisposedException>(() => pair.Alice.Serialize());
        Assert.Equal("RatchetSession(disposed)", pair.Alice.ToString());
    }

    [Fact]
    public void Sessions_with_different_associated_data_cannot_talk()
    {
        using var pair = RatchetPair.Create(12);
        byte[] otherAd = (byte[])pair.AssociatedData.Clone();
        otherAd[0] ^= 1;
        using var bob = RatchetSession.InitializeResponder(pair.SharedSecret, otherAd, pair.ResponderPrivateKey);
        byte[] before = bob.Serialize();
        Assert.Equal(RatchetErrors.BadMessage, bob.Decrypt(pair.AliceSends("x")).Error);
        Assert.Equal(before, bob.Serialize());
    }

    [Fact]
    public void Initializers_reject_wrong_sizes()
    {
        var random = new SeededRandomSource(13);
        Assert.Throws<ArgumentException>(() => RatchetSession.InitializeResponder(new byte[31], [], new byte[32]));
        Assert.Throws<ArgumentException>(() => RatchetSession.InitializeResponder(new byte[32], new byte[Limits.RatchetMaxAssociatedDataSize + 1], new byte[32]));
        Assert.Throws<ArgumentException>(() => RatchetSession.InitializeInitiator(new byte[32], [], new byte[31], random));
        // The all-zero point has low order: PQXDH rejects it first, so here it is a caller bug.
        Assert.Throws<ArgumentException>(() => RatchetSession.InitializeInitiator(new byte[32], [], new byte[32], random));
    }
}
