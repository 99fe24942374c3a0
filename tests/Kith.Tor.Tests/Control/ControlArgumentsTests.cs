using Kith.Tor.Control;

namespace Kith.Tor.Tests.Control;

public class ControlArgumentsTests
{
    [Fact]
    public void Positional_words_and_quoted_values_are_split()
    {
        var args = ControlArguments.Parse("AUTH METHODS=COOKIE,SAFECOOKIE COOKIEFILE=\"/var/lib/tor dir/control_auth_cookie\"").Value;
        Assert.Equal(["AUTH"], args.Positional);
        Assert.Equal("COOKIE,SAFECOOKIE", args["METHODS"]);
        Assert.Equal("/var/lib/tor dir/control_auth_cookie", args["COOKIEFILE"]);
        Assert.Null(args["MISSING"]);
    }

    [Theory]
    [InlineData("\"a\\\\b\"", "a\\b")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("\"tab\\there\"", "tab\there")]
    [InlineData("\"\\303\\251t\\303\\251\"", "été")]
    [InlineData("\"\"", "")]
    public void Quoted_strings_unescape_tor_escapes(string quoted, string expected)
    {
        var result = QuotedString.TryUnquote(quoted).Value;
        Assert.Equal(expected, result.Value);
        Assert.Equal(quoted.Length, result.Consumed);
    }

    [Theory]
    [InlineData("\"open")]
    [InlineData("\"bad\\")]
    [InlineData("\"octal\\477\"")]
    [InlineData("noquote")]
    public void Broken_quoted_strings_are_malformed(string quoted) =>
        Assert.Equal("tor.control.malformed", QuotedString.TryUnquote(quoted).Error?.Code);

    [Theory]
    [InlineData("A=1 A=2")]
    [InlineData("=1")]
    [InlineData("K=\"x\"y")]
    [InlineData("wo\"rd")]
    public void Broken_argument_lines_are_malformed(string text) =>
        Assert.Equal("tor.control.malformed", ControlArguments.Parse(text).Error?.Code);

    [Fact]
    public void Quote_round_trips_through_unquote()
    {
        const string path = "/tmp/a \"b\" \\c #d";
        Assert.Equal(path, QuotedString.TryUnquote(QuotedString.Quote(path)).Value.Value);
        Assert.Throws<ArgumentException>(() => QuotedString.Quote("line\nbreak"));
    }
}
