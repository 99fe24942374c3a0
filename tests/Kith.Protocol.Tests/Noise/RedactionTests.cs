using Kith.Crypto;
using Kith.Protocol.Noise;

namespace Kith.Protocol.Tests.Noise;

public class RedactionTests
{
    [Fact]
    public void No_Noise_type_prints_a_private_key_or_cipher_key()
    {
        NoiseVector vector = NoiseVector.Get("Noise_XX_25519_ChaChaPoly_BLAKE2b");
        using var initStatic = X25519KeyPair.FromPrivateKey(vector.InitStatic);
        using var respStatic = X25519KeyPair.FromPrivateKey(vector.RespStatic);
        using HandshakeState initiator = HandshakeState.Initialize(HandshakePattern.XX, NoiseRole.Initiator, vector.InitPrologue,
            new FixedRandomSource(vector.InitEphemeral!), initStatic);
        using HandshakeState responder = HandshakeState.Initialize(HandshakePattern.XX, NoiseRole.Responder, vector.RespPrologue,
            new FixedRandomSource(vector.RespEphemeral!), respStatic);
        var printed = new List<string> { initiator.ToString(), responder.ToString() };
        NoiseTransport? transport = null;
        for (int i = 0; i < 3; i++)
        {
            (HandshakeState sender, HandshakeState receiver) = i % 2 == 0 ? (initiator, responder) : (responder, initiator);
            HandshakeWriteResult written = sender.WriteMessage([]).Value;
            transport ??= receiver.ReadMessage(written.Message).Value.Transport;
            printed.Add(sender.ToString());
            printed.Add(receiver.ToString());
        }

        Assert.NotNull(transport);
        printed.Add(transport.ToString());
        using var cipher = new CipherState();
        cipher.InitializeKey(vector.InitStatic);
        printed.Add(cipher.ToString());
        using SymmetricState symmetric = SymmetricState.InitializeSymmetric("Noise_XX_25519_ChaChaPoly_BLAKE2b"u8);
        symmetric.MixKey(vector.InitStatic);
        printed.Add(symmetric.ToString());

        string[] secrets = [.. new[] { vector.InitStatic!, vector.RespStatic!, vector.InitEphemeral!, vector.RespEphemeral! }
            .Select(Convert.ToHexStringLower)];
        foreach (string text in printed)
        {
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        }

        Assert.Contains(Redacted.Text, cipher.ToString(), StringComparison.Ordinal);
        Assert.Contains(Redacted.Text, symmetric.ToString(), StringComparison.Ordinal);
    }
}
