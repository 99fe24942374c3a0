using Kith.Crypto;
using Kith.Protocol.Ratchet;

namespace Kith.Protocol.Tests.Ratchet;

/// <summary>Two sessions set up as PQXDH would leave them, from one seed.</summary>
internal sealed class RatchetPair : IDisposable
{
    private RatchetPair(SeededRandomSource random, byte[] sharedSecret, byte[] associatedData, byte[] responderPrivateKey)
    {
        Random = random;
        SharedSecret = sharedSecret;
        AssociatedData = associatedData;
        ResponderPrivateKey = responderPrivateKey;
        byte[] responderPublicKey = new byte[32];
        X25519.DerivePublicKey(responderPrivateKey, responderPublicKey);
        Alice = RatchetSession.InitializeInitiator(sharedSecret, associatedData, responderPublicKey, random);
        Bob = RatchetSession.InitializeResponder(sharedSecret, associatedData, responderPrivateKey);
    }

    public SeededRandomSource Random { get; }

    public byte[] SharedSecret { get; }

    public byte[] AssociatedData { get; }

    public byte[] ResponderPrivateKey { get; }

    public RatchetSession Alice { get; set; }

    public RatchetSession Bob { get; set; }

    public static RatchetPair Create(ulong seed)
    {
        var random = new SeededRandomSource(seed);
        byte[] sharedSecret = new byte[32];
        byte[] associatedData = new byte[66];
        byte[] responderPrivateKey = new byte[32];
        random.Fill(sharedSecret);
        random.Fill(associatedData);
        random.Fill(responderPrivateKey);
        return new RatchetPair(random, sharedSecret, associatedData, responderPrivateKey);
    }

    public byte[] AliceSends(string text) => Alice.Encrypt(System.Text.Encoding.UTF8.GetBytes(text), Random);

    public byte[] BobSends(string text) => Bob.Encrypt(System.Text.Encoding.UTF8.GetBytes(text), Random);

    public static string Open(RatchetSession receiver, byte[] message)
    {
        var result = receiver.Decrypt(message);
        Assert.True(result.IsOk, result.Error?.ToString());
        return System.Text.Encoding.UTF8.GetString(result.Value);
    }

    public static RatchetSession Copy(RatchetSession session) => RatchetSession.Deserialize(session.Serialize()).Value;

    public void Dispose()
    {
        Alice.Dispose();
        Bob.Dispose();
    }
}
