using Kith.Wire.Devices;
using Kith.Wire.Linking;

namespace Kith.Node.Tests.Support;

/// <summary>Link codes for tests that put a <see cref="TcpRelay"/> between the two devices.</summary>
internal static class LinkCodes
{
    /// <summary>
    /// The same code (keys, secret, expiry) naming the relay on <paramref name="port"/> as the new device's direct
    /// endpoint. The endpoint is not under the request's MAC: the Noise link proves the code's static key wherever it
    /// is dialled, so the existing device still reaches only the device that showed the code.
    /// </summary>
    public static string Via(string code, int port)
    {
        using LinkCode shown = LinkCode.TryParse(code)!;
        using var relayed = new LinkCode(shown.OnionKey, shown.StaticKey, shown.Secret.Clone(), shown.ExpiresAtUnixMs,
            DeviceTransport.DirectTcp("127.0.0.1", checked((ushort)port)));
        return relayed.ToText();
    }
}
