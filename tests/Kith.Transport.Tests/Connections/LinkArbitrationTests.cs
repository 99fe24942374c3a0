using Kith.Primitives;
using Kith.Transport.Connections;
using Kith.Transport.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Transport.Tests.Connections;

public sealed class LinkArbitrationTests : IDisposable
{
    private readonly TestPeer _alice = new(1);
    private readonly TestPeer _bob = new(2);
    private readonly FakeTimeProvider _time = new();

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
    }

    [Fact]
    public async Task Both_ends_keep_the_same_link_when_they_dial_each_other_at_once()
    {
        var (aliceDialled, bobAccepted) = await Peers.ConnectAsync(_alice, _bob, _time);
        var (bobDialled, aliceAccepted) = await Peers.ConnectAsync(_bob, _alice, _time);
        await using var _ = aliceDialled;
        await using var __ = bobAccepted;
        await using var ___ = bobDialled;
        await using var ____ = aliceAccepted;

        // Each side saw the links in opposite orders; both must keep the one dialled by the lower static key.
        bool aliceKeepsNewer = LinkArbitration.KeepNewer(aliceDialled, aliceAccepted, _alice.Static.PublicKey);
        bool bobKeepsNewer = LinkArbitration.KeepNewer(bobAccepted, bobDialled, _bob.Static.PublicKey);
        bool aliceSortsLower = _alice.Static.PublicKey.SequenceCompareTo(_bob.Static.PublicKey) < 0;

        Assert.Equal(aliceSortsLower, !aliceKeepsNewer); // alice keeps her own dial iff her key is lower
        Assert.Equal(aliceSortsLower, !bobKeepsNewer);    // bob keeps his own dial (his newer one) iff his key is lower
    }

    [Fact]
    public async Task A_new_link_from_the_same_dialer_replaces_the_old_one()
    {
        var (first, firstAccepted) = await Peers.ConnectAsync(_alice, _bob, _time);
        var (second, secondAccepted) = await Peers.ConnectAsync(_alice, _bob, _time);
        await using var _ = first;
        await using var __ = firstAccepted;
        await using var ___ = second;
        await using var ____ = secondAccepted;

        Assert.True(LinkArbitration.KeepNewer(firstAccepted, secondAccepted, _bob.Static.PublicKey));
        Assert.True(LinkArbitration.KeepNewer(first, second, _alice.Static.PublicKey));
    }

    [Fact]
    public async Task A_link_dialled_long_after_the_other_wins_whatever_the_keys()
    {
        var (aliceDialled, bobAccepted) = await Peers.ConnectAsync(_alice, _bob, _time);
        _time.Advance(TimeSpan.FromMilliseconds(Limits.LinkHandshakeTimeoutMs + 1));
        var (bobDialled, aliceAccepted) = await Peers.ConnectAsync(_bob, _alice, _time);
        await using var _ = aliceDialled;
        await using var __ = bobAccepted;
        await using var ___ = bobDialled;
        await using var ____ = aliceAccepted;

        Assert.True(LinkArbitration.KeepNewer(aliceDialled, aliceAccepted, _alice.Static.PublicKey));
        Assert.True(LinkArbitration.KeepNewer(bobAccepted, bobDialled, _bob.Static.PublicKey));
    }
}
