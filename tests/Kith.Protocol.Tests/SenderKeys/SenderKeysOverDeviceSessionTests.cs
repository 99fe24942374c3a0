using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Protocol.Prekeys;
using Kith.Protocol.SenderKeys;
using Kith.Protocol.Sessions;
using Kith.Wire.SenderKeys;

namespace Kith.Protocol.Tests.SenderKeys;

/// <summary>
/// The whole path of the design: the author hands its chain to each member device over their pairwise
/// Double Ratchet sessions, then one ciphertext and one signature serve every member device.
/// </summary>
public class SenderKeysOverDeviceSessionTests
{
    [Fact]
    public void One_ciphertext_is_read_by_two_recipient_devices_that_got_the_chain_over_their_sessions()
    {
        var random = new SeededRandomSource(21);
        DevicePrekeySecrets alice = DevicePrekeySecrets.Generate(Ed25519SigningKey.Generate(random), random, 2, 1);
        DevicePrekeySecrets bobPhone = DevicePrekeySecrets.Generate(Ed25519SigningKey.Generate(random), random, 2, 1);
        DevicePrekeySecrets bobLaptop = DevicePrekeySecrets.Generate(Ed25519SigningKey.Generate(random), random, 2, 1);
        var conversation = ConversationId.FromBytes(new byte[32].Select((_, i) => (byte)i).ToArray());

        using SenderChain chain = SenderChain.Create(conversation, SenderKeyFixture.Start, random);
        _ = chain.Encrypt("before the members joined"u8, default);

        using ReceivedSenderChain phone = Deliver(alice, bobPhone, chain, random);
        using ReceivedSenderChain laptop = Deliver(alice, bobLaptop, chain, random);

        byte[] header = "event header: parents, timestamp"u8.ToArray();
        SenderKeyMessage message = chain.Encrypt("hello Bob, on every device"u8, header);
        byte[] signed = [.. header, .. message.Ciphertext];
        byte[] signature = chain.Sign(signed);

        foreach (ReceivedSenderChain member in new[] { phone, laptop })
        {
            Assert.Equal(alice.Published.Device, member.Author);
            Assert.True(member.Verify(signed, signature));
            Assert.Equal("hello Bob, on every device"u8.ToArray(), member.Decrypt(message.Index, message.Ciphertext, header).Value);
            Assert.Equal(SenderKeyErrors.DuplicateMessage, member.Decrypt(message.Index, message.Ciphertext, header).Error);
        }
    }

    [Fact]
    public void A_tampered_distribution_envelope_is_refused_by_the_session()
    {
        var random = new SeededRandomSource(22);
        DevicePrekeySecrets alice = DevicePrekeySecrets.Generate(Ed25519SigningKey.Generate(random), random, 2, 1);
        DevicePrekeySecrets bob = DevicePrekeySecrets.Generate(Ed25519SigningKey.Generate(random), random, 2, 1);
        using SenderChain chain = SenderChain.Create(ConversationId.FromBytes(new byte[32]), SenderKeyFixture.Start, random);
        using DeviceSession session = DeviceSession.Initiate(alice, bob.Published.Device, bob.Published, random).Value;
        using SenderKeyDistribution distribution = chain.CreateDistribution();
        byte[] envelope = session.Encrypt(distribution.ToBytes(), random);
        envelope[^1] ^= 1;
        Assert.False(DeviceSession.Accept(bob, envelope).IsOk);
    }

    private static ReceivedSenderChain Deliver(DevicePrekeySecrets author, DevicePrekeySecrets member, SenderChain chain, IRandomSource random)
    {
        using DeviceSession outgoing = DeviceSession.Initiate(author, member.Published.Device, member.Published, random).Value;
        using SenderKeyDistribution distribution = chain.CreateDistribution();
        byte[] plaintext = distribution.ToBytes();
        byte[] envelope = outgoing.Encrypt(plaintext, random);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);

        var (incoming, received) = DeviceSession.Accept(member, envelope).Value;
        using (incoming)
        {
            using SenderKeyDistribution decoded = SenderKeyDistribution.Decode(received).Value;
            Assert.Equal(incoming.PeerDevice, author.Published.Device);
            return ReceivedSenderChain.FromDistribution(incoming.PeerDevice, decoded);
        }
    }
}
