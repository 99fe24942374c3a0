using System.Text;
using CsCheck;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Tor.Control;

namespace Kith.Tor.Tests.Control;

public class ControlReplyParserTests
{
    private static List<ControlReply> FeedAll(string text, ControlReplyParser? parser = null)
    {
        parser ??= new ControlReplyParser();
        var replies = new List<ControlReply>();
        var result = parser.Feed(Encoding.UTF8.GetBytes(text), replies);
        Assert.True(result.IsOk, result.ToString());
        return replies;
    }

    [Fact]
    public void Single_line_reply_is_one_end_line()
    {
        var reply = Assert.Single(FeedAll("250 OK\r\n"));
        Assert.Equal(250, reply.Status);
        Assert.True(reply.IsSuccess);
        Assert.False(reply.IsAsync);
        var line = Assert.Single(reply.Lines);
        Assert.Equal(ControlLineKind.End, line.Kind);
        Assert.Equal("OK", line.Text);
    }

    [Fact]
    public void Mid_lines_collect_until_the_end_line()
    {
        var reply = Assert.Single(FeedAll(
            "250-PROTOCOLINFO 1\r\n250-AUTH METHODS=NULL\r\n250-VERSION Tor=\"0.4.9.11\"\r\n250 OK\r\n"));
        Assert.Equal(["PROTOCOLINFO 1", "AUTH METHODS=NULL", "VERSION Tor=\"0.4.9.11\"", "OK"], reply.Lines.Select(l => l.Text));
        Assert.Equal([ControlLineKind.Mid, ControlLineKind.Mid, ControlLineKind.Mid, ControlLineKind.End], reply.Lines.Select(l => l.Kind));
    }

    [Fact]
    public void Data_reply_ends_at_a_lone_dot_and_is_dot_unstuffed()
    {
        var reply = Assert.Single(FeedAll(
            "250+config-text=\r\nSocksPort 9050\r\n..hidden\r\n\r\n.\r\n250 OK\r\n"));
        var data = reply.Lines[0];
        Assert.Equal(ControlLineKind.Data, data.Kind);
        Assert.Equal("config-text=", data.Text);
        Assert.Equal("SocksPort 9050\n.hidden\n", data.Data);
        Assert.Equal("OK", reply.Lines[1].Text);
    }

    [Fact]
    public void Empty_data_block_is_empty()
    {
        var reply = Assert.Single(FeedAll("250+x=\r\n.\r\n250 OK\r\n"));
        Assert.Equal("", reply.Lines[0].Data);
    }

    [Fact]
    public void Async_event_and_reply_in_one_read_come_out_in_order()
    {
        var replies = FeedAll("650 HS_DESC UPLOAD abc UNKNOWN $AA~n x\r\n250-version=0.4.9.11\r\n250 OK\r\n650 STATUS_CLIENT NOTICE BOOTSTRAP PROGRESS=100 TAG=done SUMMARY=\"Done\"\r\n");
        Assert.Equal([650, 250, 650], replies.Select(r => r.Status));
        Assert.Equal("HS_DESC", replies[0].FirstWord);
        Assert.True(replies[0].IsAsync);
        Assert.Equal("STATUS_CLIENT", replies[2].FirstWord);
    }

    [Fact]
    public void Replies_split_at_every_byte_parse_the_same()
    {
        const string text = "250-a=1\r\n250+b=\r\nx\r\n..y\r\n.\r\n250 OK\r\n650 CIRC 1 BUILT\r\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        Gen.Int[0, bytes.Length].Array[0, 6].Sample(cuts =>
        {
            var parser = new ControlReplyParser();
            var replies = new List<ControlReply>();
            var at = 0;
            foreach (var cut in cuts.Order().Append(bytes.Length))
            {
                Assert.True(parser.Feed(bytes.AsSpan(at, cut - at), replies).IsOk);
                at = cut;
            }

            Assert.Equal(2, replies.Count);
            Assert.Equal("x\n.y", replies[0].Lines[1].Data);
            Assert.False(parser.HasPartialReply);
        });
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_an_error_before_it_is_buffered()
    {
        var parser = new ControlReplyParser();
        var replies = new List<ControlReply>();
        var chunk = Encoding.ASCII.GetBytes(new string('A', 1000));
        Assert.True(parser.Feed("250-"u8, replies).IsOk);
        var result = Result.Ok();
        for (var i = 0; i < 20 && result.IsOk; i++)
        {
            result = parser.Feed(chunk, replies);
        }

        Assert.Equal("tor.control.line_too_long", result.Error?.Code);
        Assert.Same(result.Error, parser.Error);
        Assert.Equal("tor.control.line_too_long", parser.Feed("250 OK\r\n"u8, replies).Error?.Code);
        Assert.Empty(replies);
    }

    [Fact]
    public void A_line_exactly_at_the_limit_is_accepted()
    {
        var text = "250 " + new string('x', Limits.TorControlLineMaxBytes - 6) + "\r\n";
        Assert.Equal(Limits.TorControlLineMaxBytes, text.Length);
        Assert.Single(FeedAll(text));
    }

    [Fact]
    public void A_reply_with_too_many_lines_is_an_error()
    {
        var parser = new ControlReplyParser();
        var replies = new List<ControlReply>();
        var line = "250-x\r\n"u8.ToArray();
        var result = Result.Ok();
        for (var i = 0; i <= Limits.TorControlReplyMaxLines && result.IsOk; i++)
        {
            result = parser.Feed(line, replies);
        }

        Assert.Equal("tor.control.reply_too_large", result.Error?.Code);
    }

    [Fact]
    public void A_data_block_larger_than_the_reply_limit_is_an_error()
    {
        var parser = new ControlReplyParser();
        var replies = new List<ControlReply>();
        Assert.True(parser.Feed("250+x=\r\n"u8, replies).IsOk);
        var line = Encoding.ASCII.GetBytes(new string('d', 1000) + "\r\n");
        var result = Result.Ok();
        for (var i = 0; i < 300 && result.IsOk; i++)
        {
            result = parser.Feed(line, replies);
        }

        Assert.Equal("tor.control.reply_too_large", result.Error?.Code);
    }

    [Theory]
    [InlineData("250 OK\n")]
    [InlineData("25 OK\r\n")]
    [InlineData("2x0 OK\r\n")]
    [InlineData("250\r\n")]
    [InlineData("250*OK\r\n")]
    [InlineData("050 OK\r\n")]
    [InlineData("HTTP/1.0 200 OK\r\n")]
    [InlineData("250-a\r\n650 CIRC\r\n")]
    [InlineData("\r\n")]
    public void Garbage_is_malformed(string text)
    {
        var parser = new ControlReplyParser();
        var result = parser.Feed(Encoding.ASCII.GetBytes(text), new List<ControlReply>());
        Assert.Equal("tor.control.malformed", result.Error?.Code);
    }

    [Theory]
    [InlineData("250-version=1\r\n")]
    [InlineData("250 O")]
    [InlineData("250+x=\r\nabc\r\n")]
    public void A_stream_ending_inside_a_reply_is_truncated(string text)
    {
        var parser = new ControlReplyParser();
        Assert.True(parser.Feed(Encoding.ASCII.GetBytes(text), new List<ControlReply>()).IsOk);
        Assert.True(parser.HasPartialReply);
        Assert.Equal("tor.control.truncated", parser.Finish().Error?.Code);
    }

    [Fact]
    public void Random_bytes_never_throw_and_memory_stays_bounded()
    {
        Gen.Byte.Array[0, 4096].Array[1, 8].Sample(chunks =>
        {
            var parser = new ControlReplyParser();
            var replies = new List<ControlReply>();
            foreach (var chunk in chunks)
            {
                _ = parser.Feed(chunk, replies);
            }

            _ = parser.Finish();
        }, iter: 300);
    }
}
