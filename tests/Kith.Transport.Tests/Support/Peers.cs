using Kith.Crypto;
using Kith.Primitives.Ids;
using Kith.Transport.Handshake;
using Kith.Transport.Links;
using Kith.Tor.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Transport.Tests.Support;

/// <summary>A test device: a seeded X25519 static key and a device id derived from the seed.</summary>
public sealed class TestPeer : IDisposable
{
    public TestPeer(byte seed)
    {
        Static = X25519KeyPair.Generate(new SeededRandomSource(seed));
        var id = new byte[DeviceId.Size];
        id.AsSpan().Fill(seed);
        Id = DeviceId.FromBytes(id);
    }

    public X25519KeyPair Static { get; }

    public DeviceId Id { get; }

    public ReadOnlyMemory<byte> PublicKey => Static.PublicKeyBytes;

    public void Dispose() => Static.Dispose();
}

/// <summary>Helpers shared by the link tests.</summary>
public static class Peers
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static LinkOptions Options(FakeTimeProvider time, ulong seed = 1) => LinkOptions.Create(time, new SeededRandomSource(seed));

    /// <summary>An authoriser that knows exactly these peers.</summary>
    public static LinkAuthoriser Knows(params TestPeer[] peers) => remote =>
    {
        foreach (TestPeer peer in peers)
        {
            if (remote.SequenceEqual(peer.Static.PublicKey))
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
        var accept = LinkHandshake.AcceptAsync(b, kind, listener.Static, Knows(dialer), Options(time, 2), CancellationToken.None);
        var dial = LinkHandshake.DialAsync(a, kind, dialer.Static, listener.Id, listener.PublicKey, Options(time, 3), CancellationToken.None);
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
