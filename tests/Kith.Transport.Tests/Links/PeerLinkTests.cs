using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Transport.Framing;
using Kith.Transport.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Transport.Tests.Links;

public sealed class PeerLinkTests : IDisposable
{
    private readonly TestPeer _alice = new(1);
    private readonly TestPeer _bob = new(2);
    private readonly FakeTimeProvider _time = new();

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ChunkHeader.MaxData)]
    [InlineData(ChunkHeader.MaxData + 1)]
    [InlineData(200_000)]
    [InlineData(Limits.LinkMaxFrameLength)]
    public async Task Frames_of_any_allowed_length_arrive_whole_and_in_order(int length)
    {
        var (dialled, accepted) = await Peers.ConnectAsync(_alice, _bob, _time);
        await using var _ = dialled;
        await using var __ = accepted;
        var first = Enumerable.Range(0, length).Select(i => unchecked((byte)(i * 7))).ToArray();

        Assert.True((await dialled.SendAsync(first)).IsOk);
        Assert.True((await dialled.SendAsync("next"u8.ToArray())).IsOk);

        Assert.Equal(first, (await accepted.ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Value);
        Assert.Equal("next"u8.ToArray(), (await accepted.ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Value);
    }

    [Fact]
    public async Task Sending_an_oversized_frame_is_refused_and_the_link_stays_open()
    {
        var (dialled, accepted) = await Peers.ConnectAsync(_alice, _bob, _time);
        await using var _ = dialled;
        await using var __ = accepted;

        var refused = await dialled.SendAsync(new byte[Limits.LinkMaxFrameLength + 1]);

        Assert.Equal(TransportErrors.OversizedFrame.Code, refused.Error!.Code);
        Assert.Equal(ErrorScope.Input, refused.Error.Scope);
        Assert.True((await dialled.SendAsync("still here"u8.ToArray())).IsOk);
        Assert.Equal("still here"u8.ToArray(), (await accepted.ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Value);
    }

    [Fact]
    public async Task A_tampered_message_drops_the_link_with_bad_tag()
    {
        var (raw, accepted) = await RawDialer.ConnectAsync(_alice, _bob, _time);
        await using var _ = raw;
        await using var __ = accepted;
        var message = raw.Seal([ChunkHeader.Final, .. "pay me"u8]);
        message[3] ^= 0x01;

        await raw.SendMessageAsync(message);

        Assert.Equal(TransportErrors.BadTag, (await accepted.ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Error);
        Assert.Equal(TransportErrors.BadTag, await accepted.Completion);
    }

    [Fact]
    public async Task A_replayed_message_drops_the_link()
    {
        var (raw, accepted) = await RawDialer.ConnectAsync(_alice, _bob, _time);
        await using var _ = raw;
        await using var __ = accepted;
        var message = raw.Seal([ChunkHeader.Final, .. "once"u8]);

        await raw.SendMessageAsync(message);
        await raw.SendMessageAsync(message);

        Assert.Equal("once"u8.ToArray(), (await accepted.ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Value);
        Assert.Equal(TransportErrors.BadTag, (await accepted.ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Error);
    }

    [Fact]
    public async Task A_message_shorter_than_a_tag_drops_the_link()
    {
        var (raw, accepted) = await RawDialer.ConnectAsync(_alice, _bob, _time);
        await using var _ = raw;
        await using var __ = accepted;

        await raw.SendMessageAsync([1, 2, 3]);

        Assert.Equal(TransportErrors.BadTag, (await accepted.ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Error);
    }

    [Fact]
    public async Task An_authenticated_chunk_with_an_unknown_header_drops_the_link()
    {
        var (raw, accepted) = await RawDialer.ConnectAsync(_alice, _bob, _time);
        await using var _ = raw;
        await using var __ = accepted;

        await raw.SendMessageAsync(raw.Seal([0x7F, 1, 2]));

        Assert.Equal(TransportErrors.BadChunk, (await accepted.ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Error);
    }

    [Fact]
    public async Task A_frame_that_never_ends_is_dropped_once_it_passes_the_maximum()
    {
        var (raw, accepted) = await RawDialer.ConnectAsync(_alice, _bob, _time);
        await using var _ = raw;
        await using var __ = accepted;
        var receive = accepted.ReceiveAsync().AsTask();
        var chunk = new byte[ChunkHeader.Size + ChunkHeader.MaxData];
        chunk[0] = ChunkHeader.More;

        // Just enough chunks to pass the maximum by less than one chunk (a frame of exactly the maximum is accepted:
        // see Frames_of_any_allowed_length_arrive_whole_and_in_order).
        int chunks = (Limits.LinkMaxFrameLength / ChunkHeader.MaxData) + 1;
        for (int i = 0; i < chunks; i++)
        {
            await raw.SendMessageAsync(raw.Seal(chunk));
        }

        Assert.Equal(TransportErrors.OversizedFrame, (await receive.WaitAsync(Peers.Patience)).Error);
    }

    [Fact]
    public async Task Garbage_after_the_handshake_drops_the_link()
    {
        var (raw, accepted) = await RawDialer.ConnectAsync(_alice, _bob, _time);
        await using var _ = raw;
        await using var __ = accepted;

        await raw.SendRawAsync(Enumerable.Range(0, 300).Select(i => unchecked((byte)(i * 31))).ToArray());

        Assert.False((await accepted.ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).IsOk);
        Assert.True(accepted.IsClosed);
    }

    [Fact]
    public async Task The_peer_hanging_up_ends_receive_with_closed()
    {
        var (dialled, accepted) = await Peers.ConnectAsync(_alice, _bob, _time);
        await using var _ = accepted;

        await dialled.DisposeAsync();

        Assert.Equal(TransportErrors.Closed, (await accepted.ReceiveAsync().AsTask().WaitAsync(Peers.Patience)).Error);
        Assert.Equal(TransportErrors.LocalClose, await dialled.Completion);
    }

    [Fact]
    public async Task A_link_on_which_nothing_arrives_is_closed_after_the_idle_timeout()
    {
        var (raw, accepted) = await RawDialer.ConnectAsync(_alice, _bob, _time); // a peer that never sends keepalives
        await using var _ = raw;
        await using var __ = accepted;
        var receive = accepted.ReceiveAsync().AsTask();

        _time.Advance(TimeSpan.FromMilliseconds(Limits.LinkIdleTimeoutMs / 2));
        await raw.SendMessageAsync(raw.Seal([ChunkHeader.Final, .. "keep me"u8]));
        Assert.True((await receive.WaitAsync(Peers.Patience)).IsOk);
        _time.Advance(TimeSpan.FromMilliseconds(Limits.LinkIdleTimeoutMs - 1));
        Assert.False(accepted.IsClosed);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(TransportErrors.IdleTimeout, await accepted.Completion.WaitAsync(Peers.Patience));
    }

    [Fact]
    public async Task Keepalives_hold_a_quiet_live_link_open_past_the_idle_timeout()
    {
        var (dialled, accepted) = await Peers.ConnectAsync(_alice, _bob, _time);
        await using var _ = dialled;
        await using var __ = accepted;
        var dialledReceive = dialled.ReceiveAsync().AsTask();
        var acceptedReceive = accepted.ReceiveAsync().AsTask();

        for (int i = 1; i <= 10; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(Limits.LinkKeepaliveIntervalMs));
            DateTimeOffset now = _time.GetUtcNow();
            await Peers.EventuallyAsync(() => dialled.LastReceivedAt == now && accepted.LastReceivedAt == now, $"keepalive {i}");
        }

        Assert.True(_time.GetUtcNow() - dialled.EstablishedAt > TimeSpan.FromMilliseconds(3 * Limits.LinkIdleTimeoutMs));
        Assert.False(dialled.IsClosed || accepted.IsClosed);
        Assert.False(dialledReceive.IsCompleted || acceptedReceive.IsCompleted); // keepalives are not frames
        Assert.True((await dialled.SendAsync("still one link"u8.ToArray())).IsOk);
        Assert.Equal("still one link"u8.ToArray(), (await acceptedReceive.WaitAsync(Peers.Patience)).Value);
    }

    [Fact]
    public async Task Direct_links_say_they_are_not_anonymous()
    {
        var (dialled, accepted) = await Peers.ConnectAsync(_alice, _bob, _time, LinkKind.DirectTcp);
        await using var _ = dialled;
        await using var __ = accepted;
        var (onion, onionAccepted) = await Peers.ConnectAsync(_alice, _bob, _time, LinkKind.Onion);
        await using var ___ = onion;
        await using var ____ = onionAccepted;

        Assert.False(dialled.IsAnonymous);
        Assert.Contains("NOT ANONYMOUS", dialled.ToString(), StringComparison.Ordinal);
        Assert.True(onion.IsAnonymous);
        Assert.DoesNotContain("NOT ANONYMOUS", onion.ToString(), StringComparison.Ordinal);
    }
}
