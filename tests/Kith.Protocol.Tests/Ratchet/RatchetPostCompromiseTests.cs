using Kith.Protocol.Ratchet;

namespace Kith.Protocol.Tests.Ratchet;

/// <summary>PROTOCOL.md property 3 (the spec's "Recovery from compromise"): one DH ratchet round trip locks out an attacker holding an old state.</summary>
public class RatchetPostCompromiseTests
{
    [Fact]
    public void A_stolen_state_reads_nothing_after_one_ratchet_round_trip()
    {
        using var pair = RatchetPair.Create(500);
        var traffic = new List<byte[]>();
        byte[] Send(RatchetSession from, RatchetSession to, string text)
        {
            byte[] message = from.Encrypt(System.Text.Encoding.UTF8.GetBytes(text), pair.Random);
            traffic.Add(message);
            Assert.Equal(text, RatchetPair.Open(to, message));
            return message;
        }

        Send(pair.Alice, pair.Bob, "a0");
        Send(pair.Bob, pair.Alice, "b0");
        Send(pair.Alice, pair.Bob, "a1");

        using RatchetSession stolen = RatchetPair.Copy(pair.Alice);
        RatchetAttacker Attacker() => RatchetAttacker.FromSession(stolen).Observe(traffic);

        // Within reach of the compromise: Alice's current chain, and Bob's next chain, which still
        // answers Alice's stolen ratchet key.
        Assert.True(Attacker().CanDecrypt(Send(pair.Alice, pair.Bob, "a2, same chain")));
        Assert.True(Attacker().CanDecrypt(Send(pair.Bob, pair.Alice, "b1, new chain to the stolen key")));

        // Alice's next message carries a fresh ratchet key: the round trip is complete.
        Assert.False(Attacker().CanDecrypt(Send(pair.Alice, pair.Bob, "a3, fresh key")));
        Assert.False(Attacker().CanDecrypt(Send(pair.Bob, pair.Alice, "b2")));
        Assert.False(Attacker().CanDecrypt(Send(pair.Alice, pair.Bob, "a4")));
        Assert.False(Attacker().CanDecrypt(Send(pair.Bob, pair.Alice, "b3")));
        foreach (byte[] later in traffic.TakeLast(4))
        {
            using RatchetSession replayed = RatchetPair.Copy(stolen);
            Assert.False(replayed.Decrypt(later).IsOk);
        }
    }
}
