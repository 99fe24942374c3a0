using Kith.Primitives;
using Kith.Transport.Links;

namespace Kith.Transport.Connections;

/// <summary>
/// Which link to keep when a second one to the same peer is established (<see cref="Limits.LinkMaxPerPeer"/> is 1).
/// Both devices must reach the same answer without talking, or a simultaneous dial could close both links:
/// <list type="number">
/// <item>Both links dialled by the same side: keep the newer. That side reconnected, so from its view the older one
/// is dead.</item>
/// <item>One each way, the older still young (set up within a handshake timeout of the newer): the two devices
/// dialled each other at once. Keep the link dialled by the device whose static key sorts lower; each side knows both
/// keys, so both keep the same link.</item>
/// <item>One each way, the older established long before: the peer dialled because it lost the older link, whatever
/// this side thinks; keep the newer.</item>
/// </list>
/// </summary>
internal static class LinkArbitration
{
    /// <summary>Whether <paramref name="newer"/> replaces <paramref name="existing"/>.</summary>
    public static bool KeepNewer(PeerLink existing, PeerLink newer, ReadOnlySpan<byte> localStatic)
    {
        if (existing.IsInitiator == newer.IsInitiator)
        {
            return true;
        }

        TimeSpan apart = newer.EstablishedAt - existing.EstablishedAt;
        if (apart > TimeSpan.FromMilliseconds(Limits.LinkHandshakeTimeoutMs))
        {
            return true;
        }

        bool localSortsLower = localStatic.SequenceCompareTo(newer.RemoteStaticPublicKey) < 0;
        return newer.IsInitiator == localSortsLower;
    }
}
