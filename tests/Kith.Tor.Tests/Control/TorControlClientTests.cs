using Kith.Tor.Control;
using Kith.Tor.Tests.Support;

namespace Kith.Tor.Tests.Control;

public class TorControlClientTests
{
    private static readonly TimeSpan Patience = FakeTor.Patience;

    [Fact]
    public async Task GetInfo_sends_the_exact_command_and_reads_mid_and_data_lines()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var pending = client.GetInfoAsync(["version", "config-text"], TestContext.Current.CancellationToken);
        await tor.ExpectAsync("GETINFO version config-text",
            "250-version=0.4.9.11\r\n250+config-text=\r\nSocksPort 9050\r\n.\r\n250 OK\r\n");
        var values = (await pending.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value;
        Assert.Equal("0.4.9.11", values["version"]);
        Assert.Equal("SocksPort 9050", values["config-text"]);
    }

    [Fact]
    public async Task GetInfo_error_status_is_a_command_failure_and_the_connection_stays_usable()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var first = client.GetInfoAsync(["nope"], TestContext.Current.CancellationToken);
        await tor.ExpectAsync("GETINFO nope", "552 Unrecognized key \"nope\"\r\n");
        var error = (await first.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error!;
        Assert.Equal("tor.control.command_failed", error.Code);
        Assert.DoesNotContain("nope", error.Detail, StringComparison.Ordinal);

        var second = client.GetVersionAsync(TestContext.Current.CancellationToken);
        await tor.ExpectAsync("GETINFO version", "250-version=0.4.9.11 (git-abc)\r\n250 OK\r\n");
        Assert.Equal("0.4.9.11", (await second.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value.ToString());
    }

    [Fact]
    public async Task Pipelined_commands_get_their_own_replies_in_order()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var a = client.SendAsync("GETINFO a", TestContext.Current.CancellationToken);
        Assert.Equal("GETINFO a", await tor.ReadLineAsync());
        var b = client.SendAsync("GETINFO b", TestContext.Current.CancellationToken);
        Assert.Equal("GETINFO b", await tor.ReadLineAsync());
        await tor.SendAsync("250-a=1\r\n250 OK\r\n250-b=2\r\n250 OK\r\n");
        Assert.Equal("a=1", (await a.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value.Lines[0].Text);
        Assert.Equal("b=2", (await b.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value.Lines[0].Text);
    }

    [Fact]
    public async Task Events_before_and_after_a_reply_go_to_subscribers_and_the_reply_to_its_command()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var subscribing = client.SubscribeAsync(["HS_DESC"], TestContext.Current.CancellationToken);
        await tor.ExpectAsync("SETEVENTS HS_DESC", "250 OK\r\n");
        await using var subscription = (await subscribing.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value;

        var info = client.GetInfoAsync(["version"], TestContext.Current.CancellationToken);
        Assert.Equal("GETINFO version", await tor.ReadLineAsync());
        await tor.SendAsync(
            "650 HS_DESC UPLOAD abc UNKNOWN $A~a d1\r\n" +
            "650 STATUS_CLIENT NOTICE CIRCUIT_ESTABLISHED\r\n" +
            "250-version=0.4.9.11\r\n" +
            "250 OK\r\n" +
            "650 HS_DESC UPLOADED abc UNKNOWN $A~a\r\n");

        Assert.Equal("0.4.9.11", (await info.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value["version"]);
        var first = (await subscription.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken)).Value;
        var second = (await subscription.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken)).Value;
        Assert.Equal("HS_DESC UPLOAD abc UNKNOWN $A~a d1", first.Lines[0].Text);
        Assert.Equal("HS_DESC UPLOADED abc UNKNOWN $A~a", second.Lines[0].Text);
        Assert.False(subscription.Events.TryPeek(out _));
    }

    [Fact]
    public async Task Subscriptions_share_one_setevents_union_and_shrink_it_on_dispose()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var one = client.SubscribeAsync(["STATUS_CLIENT"], TestContext.Current.CancellationToken);
        await tor.ExpectAsync("SETEVENTS STATUS_CLIENT", "250 OK\r\n");
        var first = (await one.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value;
        var two = client.SubscribeAsync(["HS_DESC", "STATUS_CLIENT"], TestContext.Current.CancellationToken);
        await tor.ExpectAsync("SETEVENTS HS_DESC STATUS_CLIENT", "250 OK\r\n");
        var second = (await two.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value;

        var closing = first.DisposeAsync().AsTask();
        await tor.ExpectAsync("SETEVENTS HS_DESC STATUS_CLIENT", "250 OK\r\n");
        await closing.WaitAsync(Patience, TestContext.Current.CancellationToken);
        closing = second.DisposeAsync().AsTask();
        await tor.ExpectAsync("SETEVENTS", "250 OK\r\n");
        await closing.WaitAsync(Patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_subscriber_that_falls_behind_is_told_it_missed_events()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var subscribing = client.SubscribeAsync(["CIRC"], TestContext.Current.CancellationToken);
        await tor.ExpectAsync("SETEVENTS CIRC", "250 OK\r\n");
        var subscription = (await subscribing.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value;

        var flood = string.Concat(Enumerable.Repeat("650 CIRC 1 BUILT\r\n", Kith.Primitives.Limits.TorControlEventQueueLength + 1));
        await tor.SendAsync(flood);
        var probe = client.SendAsync("GETINFO version", TestContext.Current.CancellationToken);
        await tor.ExpectAsync("GETINFO version", "250-version=1.2.3\r\n250 OK\r\n");
        await probe.WaitAsync(Patience, TestContext.Current.CancellationToken);

        var count = 0;
        while ((await subscription.ReadAsync(TestContext.Current.CancellationToken)).IsOk)
        {
            count++;
        }

        Assert.Equal(Kith.Primitives.Limits.TorControlEventQueueLength, count);
        Assert.Equal("tor.control.events_overflowed", subscription.Error?.Code);
    }

    [Fact]
    public async Task An_overlong_line_fails_the_waiting_command_and_closes_the_connection()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var pending = client.SendAsync("GETINFO version", TestContext.Current.CancellationToken);
        Assert.Equal("GETINFO version", await tor.ReadLineAsync());
        await tor.SendAsync("250-version=" + new string('9', Kith.Primitives.Limits.TorControlLineMaxBytes));
        Assert.Equal("tor.control.line_too_long", (await pending.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
        await client.Completion.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal("tor.control.line_too_long", (await client.SendAsync("GETINFO x", TestContext.Current.CancellationToken)).Error?.Code);
    }

    [Fact]
    public async Task A_reply_nobody_asked_for_closes_the_connection()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        await tor.SendAsync("250 OK\r\n");
        await client.Completion.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal("tor.control.unexpected_reply", client.CloseReason?.Code);
    }

    [Fact]
    public async Task Tor_hanging_up_mid_reply_fails_the_command_as_truncated()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var pending = client.SendAsync("GETINFO version", TestContext.Current.CancellationToken);
        Assert.Equal("GETINFO version", await tor.ReadLineAsync());
        await tor.SendAsync("250-version=0.4");
        tor.Close();
        Assert.Equal("tor.control.truncated", (await pending.WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
    }

    [Fact]
    public async Task Tor_hanging_up_between_replies_closes_cleanly_and_ends_subscriptions()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        var subscribing = client.SubscribeAsync(["HS_DESC"], TestContext.Current.CancellationToken);
        await tor.ExpectAsync("SETEVENTS HS_DESC", "250 OK\r\n");
        var subscription = (await subscribing.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value;
        tor.Close();
        Assert.Equal("tor.control.closed", (await subscription.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken)).Error?.Code);
        Assert.Equal("tor.control.closed", (await client.SendAsync("GETINFO version", TestContext.Current.CancellationToken)).Error?.Code);
    }

    [Fact]
    public async Task A_cancelled_wait_does_not_shift_later_replies()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        using var cancel = new CancellationTokenSource();
        var first = client.SendAsync("GETINFO a", cancel.Token);
        Assert.Equal("GETINFO a", await tor.ReadLineAsync());
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var second = client.SendAsync("GETINFO b", TestContext.Current.CancellationToken);
        Assert.Equal("GETINFO b", await tor.ReadLineAsync());
        await tor.SendAsync("250-a=1\r\n250 OK\r\n250-b=2\r\n250 OK\r\n");
        Assert.Equal("b=2", (await second.WaitAsync(Patience, TestContext.Current.CancellationToken)).Value.Lines[0].Text);
    }

    [Fact]
    public async Task Commands_with_line_breaks_are_refused_before_sending()
    {
        await using var tor = new FakeTor();
        await using var client = new TorControlClient(tor.ClientStream);
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync("GETINFO a\r\nSIGNAL HALT", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Disposing_while_a_read_is_pending_is_a_clean_close_whatever_the_stream_throws()
    {
        // A pipe stream, unlike a socket, fails a pending read with InvalidOperationException when it is
        // disposed; that used to escape from DisposeAsync as if it were a bug.
        var stream = new StreamFailingPendingReadOnDispose();
        var client = new TorControlClient(stream);
        await stream.ReadStarted.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await client.DisposeAsync();
    }

    private sealed class StreamFailingPendingReadOnDispose : Stream
    {
        private readonly TaskCompletionSource<int> _read = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _readStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ReadStarted => _readStarted.Task;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _readStarted.TrySetResult();
            return new ValueTask<int>(_read.Task);
        }

        public override ValueTask DisposeAsync()
        {
            _read.TrySetException(new InvalidOperationException("Reading is not allowed after reader was completed."));
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
        }
    }
}
