using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Transport.Handshake;
using Kith.Transport.Links;
using Kith.Tor.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Transport.Tests.Support;

/// <summary>A test device: a seeded X25519 static key and Ed25519 identity (its device id), and the link keys binding them.</summary>
public sealed class TestPeer : IDisposable
{
    private readonly Ed25519SigningKey _identity;

    public TestPeer(byte seed)
    {
        Static = X25519KeyPair.Generate(new SeededRandomSource(seed));
        _identity = Ed25519SigningKey.Generate(new SeededRandomSource(seed + 1000UL));
        Id = DeviceId.FromBytes(_identity.PublicKey);
        Keys = LinkKeys.Create(Static, _identity);
    }

    public X25519KeyPair Static { get; }

    /// <summary>What the peer presents in a handshake.</summary>
    public LinkKeys Keys { get; }

    public DeviceId Id { get; }

    public ReadOnlyMemory<byte> PublicKey => Static.PublicKeyBytes;

    /// <summary>This peer's identity signing <paramref name="staticKey"/> (a key it does not hold, for forgeries).</summary>
    public LinkIdentity Sign(ReadOnlySpan<byte> staticKey) => LinkIdentity.Sign(_identity, staticKey);

    public void Dispose()
    {
        Static.Dispose();
        _identity.Dispose();
    }
}

/// <summary>Helpers shared by the link tests.</summary>
public static class Peers
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static LinkOptions Options(FakeTimeProvider time, ulong seed = 1) => LinkOptions.Create(time, new SeededRandomSource(seed));

    /// <summary>An authoriser that knows exactly these peers.</summary>
    public static LinkAuthoriser Knows(params TestPeer[] peers) => (remote, identity) =>
    {
        foreach (TestPeer peer in peers)
        {
            if (remote.SequenceEqual(peer.Static.PublicKey) && identity == peer.Id)
            {
                return peer.Id;
            }
        }

        return null;
    };

    /// <summary>Runs a handshake between <paramref name="dialer"/> and <paramref name="listener"/> over in-memory pipes.</summary>
    public static async Task<(PeerLink Dialled, PeerLink Accepted)> ConnectAsync(
        TestPeer dialer, TestPeer listener, FakeTimeProvider time, LinkKind kind = LinkKind.Onion)
    {
        var (a, b) = DuplexStream.CreatePair();
        var accept = LinkHandshake.AcceptAsync(b, kind, listener.Keys, Knows(dialer), Options(time, 2), CancellationToken.None);
        var dial = LinkHandshake.DialAsync(a, kind, dialer.Keys, listener.Id, listener.PublicKey, Options(time, 3), CancellationToken.None);
        var dialled = await dial.WaitAsync(Patience);
        var accepted = await accept.WaitAsync(Patience);
        return (dialled.Value, accepted.Value);
    }

    /// <summary>Waits (without timing anything) until <paramref name="condition"/> holds; fails after the patience runs out.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting: {what}");
            await Task.Yield();
            await Task.Delay(1);
        }
    }
}
