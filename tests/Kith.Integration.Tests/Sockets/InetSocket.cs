using System.Globalization;
using System.Net;

namespace Kith.Integration.Tests.Sockets;

/// <summary>One TCP or UDP socket as the kernel lists it in <c>/proc/PID/net/{tcp,tcp6,udp,udp6}</c> (proc(5)).</summary>
internal sealed record InetSocket(string Protocol, IPEndPoint Local, IPEndPoint Remote, int State, long Inode)
{
    /// <summary><c>TCP_LISTEN</c> in include/net/tcp_states.h.</summary>
    public const int Listen = 0x0A;

    public bool IsListening => Protocol.StartsWith("tcp", StringComparison.Ordinal) && State == Listen;

    public override string ToString() => $"{Protocol} {Local} -> {Remote} state {State:X2}";

    /// <summary>
    /// Parses one table: a header line, then rows <c>sl local_address rem_address st ... uid timeout inode</c>, where an
    /// address is the hex of the raw <c>in_addr</c> / <c>in6_addr</c> (in host-order 32-bit words) and a hex port.
    /// </summary>
    public static IEnumerable<InetSocket> ParseTable(string protocol, string table)
    {
        foreach (var line in table.Split('\n').Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 10)
            {
                continue;
            }

            yield return new InetSocket(protocol, EndPoint(fields[1]), EndPoint(fields[2]),
                int.Parse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                long.Parse(fields[9], CultureInfo.InvariantCulture));
        }
    }

    private static IPEndPoint EndPoint(string field)
    {
        var (address, port) = (field[..field.IndexOf(':', StringComparison.Ordinal)], field[(field.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var bytes = Convert.FromHexString(address);
        // Each 32-bit word is printed as a host-order (little-endian here) integer: reverse the bytes of each word.
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new IPEndPoint(new IPAddress(bytes), int.Parse(port, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
