using System.Net;

namespace Kith.Integration.Tests.Sockets;

/// <summary>The /proc parser and the socket rule on fixed tables, so the real-process check cannot pass vacuously.</summary>
public sealed class SocketPolicyTests
{
    private const string Header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    private static readonly HashSet<int> TorPorts = [9051, 9050];

    [Fact]
    public void Rows_parse_to_loopback_endpoints_states_and_inodes()
    {
        var sockets = InetSocket.ParseTable("tcp", Header +
            "   0: 0100007F:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1252 1 0 100 0 0 10 0\n" +
            "   1: 0100007F:8BAD 0100007F:235B 01 00000000:00000000 00:00000000 00000000     0        0 777 1 0 20 4 30 10 -1\n").ToList();

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 8000), sockets[0].Local);
        Assert.True(sockets[0].IsListening);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 9051), sockets[1].Remote);
        Assert.Equal(777, sockets[1].Inode);
        var v6 = InetSocket.ParseTable("tcp6", Header +
            "   0: 00000000000000000000000001000000:1F40 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 99 1\n").Single();
        Assert.Equal(IPAddress.IPv6Loopback, v6.Local.Address);
    }

    [Fact]
    public void Connections_to_its_tor_and_into_its_own_listeners_are_allowed()
    {
        InetSocket[] sockets =
        [
            Tcp("127.0.0.1:8000", "0.0.0.0:0", InetSocket.Listen),
            Tcp("127.0.0.1:40000", "127.0.0.1:9051"),
            Tcp("127.0.0.1:40001", "127.0.0.1:9050"),
            Tcp("127.0.0.1:8000", "127.0.0.1:50000"),
        ];

        Assert.Empty(SocketPolicy.Violations(sockets, TorPorts));
    }

    [Theory]
    [InlineData("tcp", "127.0.0.1:40000", "93.184.216.34:443", 1, "non-loopback address")]
    [InlineData("tcp", "127.0.0.1:40000", "127.0.0.1:7000", 1, "neither to its tor")]
    [InlineData("tcp", "0.0.0.0:7777", "0.0.0.0:0", InetSocket.Listen, "non-loopback address")]
    [InlineData("udp", "127.0.0.1:5353", "127.0.0.53:53", 1, "UDP")]
    public void Anything_else_is_a_violation(string protocol, string local, string remote, int state, string why)
    {
        InetSocket[] sockets = [Tcp("127.0.0.1:8000", "0.0.0.0:0", InetSocket.Listen), Tcp(local, remote, state) with { Protocol = protocol }];

        Assert.Contains(why, Assert.Single(SocketPolicy.Violations(sockets, TorPorts)));
    }

    private static InetSocket Tcp(string local, string remote, int state = 1) =>
        new("tcp", IPEndPoint.Parse(local), IPEndPoint.Parse(remote), state, 1);
}
