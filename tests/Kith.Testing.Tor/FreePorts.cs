using System.Net;
using System.Net.Sockets;

namespace Kith.Testing.Tor;

/// <summary>Loopback ports free right now, chosen by the kernel so parallel runs do not collide.</summary>
internal static class FreePorts
{
    public static int[] Take(int count)
    {
        // All held open together, so the kernel hands out distinct ports.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
