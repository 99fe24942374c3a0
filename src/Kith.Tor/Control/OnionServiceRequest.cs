using System.Net;
using Kith.Tor.Onion;

namespace Kith.Tor.Control;

/// <summary>One <c>Port=VirtPort,Target</c> argument: connections to the onion's <paramref name="VirtualPort"/> go to <paramref name="Target"/>.</summary>
/// <param name="VirtualPort">The port clients dial on the onion address.</param>
/// <param name="Target">The local listener tor forwards to; loopback only.</param>
public sealed record OnionPortMapping(int VirtualPort, IPEndPoint Target);

/// <summary>What to publish with <c>ADD_ONION</c> (control-spec §3.27).</summary>
public sealed class OnionServiceRequest
{
    /// <summary>Creates a request; <paramref name="key"/> <c>null</c> asks tor for a new throwaway key (<c>NEW:ED25519-V3</c>).</summary>
    public OnionServiceRequest(OnionServiceKey? key, IReadOnlyList<OnionPortMapping> ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        if (ports.Count == 0)
        {
            throw new ArgumentException("An onion service forwards at least one port.", nameof(ports));
        }

        foreach (var port in ports)
        {
            if (port.VirtualPort is < 1 or > 65535 || !IPAddress.IsLoopback(port.Target.Address) || port.Target.Port == 0)
            {
                throw new ArgumentException("Ports are 1–65535 and forward to a loopback listener.", nameof(ports));
            }
        }

        Key = key;
        Ports = ports;
    }

    /// <summary>The service identity, or <c>null</c> for a new one whose secret tor discards (<c>Flags=DiscardPK</c>).</summary>
    public OnionServiceKey? Key { get; }

    /// <summary>The forwarded ports.</summary>
    public IReadOnlyList<OnionPortMapping> Ports { get; }

    /// <summary>
    /// <c>Flags=Detach</c>: the service outlives the control connection until <c>DEL_ONION</c> or tor exits.
    /// Without it, tor removes the service when the connection that made it closes.
    /// </summary>
    public bool Detach { get; init; }

    /// <summary>
    /// Whether to turn on the proof-of-work defence (<c>PoWDefensesEnabled=1</c>, proposal 327); sent only to tor
    /// 0.4.9.2-alpha or later, which accept it.
    /// </summary>
    public bool ProofOfWork { get; init; } = true;
}
