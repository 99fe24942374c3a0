using CsCheck;
using Kith.Primitives.Errors;
using Kith.Protocol.SenderKeys;
using Kith.Wire.SenderKeys;

namespace Kith.Protocol.Tests.SenderKeys;

/// <summary>
/// Random delivery orders, duplicates, restarts and garbage (CsCheck; a failure prints the seed to replay it)
/// checked against a model: every index decrypts exactly once, to its own plaintext.
/// </summary>
public class SenderKeyPropertyTests
{
    private const int ChainLength = 40;

    [Fact]
    public void Any_delivery_order_with_duplicates_and_restarts_reads_each_message_exactly_once()
    {
        Gen<(int Index, bool Restart)[]> deliveries = Gen.Select(Gen.Int[0, ChainLength - 1], Gen.Int[0, 9], (i, r) => (i, r == 0)).Array[0, 120];
        deliveries.Sample(plan =>
        {
            using var fixture = new SenderKeyFixture();
            SenderKeyMessage[] messages = fixture.EncryptMany(ChainLength);
            ReceivedSenderChain member = ReceivedSenderChain.Deserialize(fixture.Member.Serialize()).Value;
            var read = new HashSet<int>();
            try
            {
                foreach ((int i, bool restart) in plan)
                {
                    if (restart)
                    {
                        ReceivedSenderChain restored = ReceivedSenderChain.Deserialize(member.Serialize()).Value;
                        member.Dispose();
                        member = restored;
                    }

                    Result<byte[]> result = member.Decrypt(messages[i].Index, messages[i].Ciphertext, SenderKeyFixture.Header(i));
                    if (read.Add(i))
                    {
                        Assert.Equal(SenderKeyFixture.Text(i), result.Value);
                    }
                    else
                    {
                        Assert.Equal(SenderKeyErrors.DuplicateMessage, result.Error);
                    }
                }

                int highest = read.Count == 0 ? -1 : read.Max();
                Assert.Equal(highest + 1 - read.Count, member.SkippedKeyCount);
            }
            finally
            {
                member.Dispose();
            }
        }, iter: 200);
    }

    [Fact]
    public void Random_bytes_never_make_a_sender_key_decoder_throw()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            byte[] versioned = [1, .. bytes];
            foreach (byte[] input in new[] { bytes, versioned })
            {
                SenderKeyDistribution.Decode(input).Map(d => { d.Dispose(); return 0; });
                SenderChain.Deserialize(input).Map(c => { c.Dispose(); return 0; });
                ReceivedSenderChain.Deserialize(input).Map(c => { c.Dispose(); return 0; });
            }
        }, iter: 2000);
    }
}
