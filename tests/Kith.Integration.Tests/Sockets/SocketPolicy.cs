using System.Net;

namespace Kith.Integration.Tests.Sockets;

/// <summary>
/// Issue 5, end-to-end test 6: in Tor mode the node opens no socket except to its tor's control and SOCKS ports and
/// its own loopback listeners (the local API, the peer listener behind <c>ADD_ONION</c>). Anything else — a
/// listener on another address, a connection to any other host or port, any UDP socket (a DNS lookup) — would
/// let the network see this device without tor.
/// </summary>
internal static class SocketPolicy
{
    /// <param name="sockets">The node's sockets at one moment.</param>
    /// <param name="torPorts">Its tor's control and SOCKS ports on 127.0.0.1.</param>
    /// <returns>One sentence per socket that breaks the rule; empty when all is well.</returns>
    public static IReadOnlyList<string> Violations(IReadOnlyList<InetSocket> sockets, IReadOnlySet<int> torPorts)
    {
        var listeners = sockets.Where(s => s.IsListening).Select(s => s.Local.Port).ToHashSet();
        var violations = new List<string>();
        foreach (var socket in sockets)
        {
            if (!socket.Protocol.StartsWith("tcp", StringComparison.Ordinal))
            {
                violations.Add($"{socket}: a UDP socket (tor mode uses TCP to its tor only)");
            }
            else if (!IPAddress.IsLoopback(socket.Local.Address))
            {
                violations.Add($"{socket}: bound to a non-loopback address");
            }
            else if (socket.IsListening)
            {
                continue;
            }
            else if (!IPAddress.IsLoopback(socket.Remote.Address))
            {
                violations.Add($"{socket}: connected to a non-loopback address");
            }
            else if (!torPorts.Contains(socket.Remote.Port) && !listeners.Contains(socket.Local.Port))
            {
                violations.Add($"{socket}: neither to its tor's control or SOCKS port nor accepted by its own listener");
            }
        }

        return violations;
    }
}
