using System.Net;
using Kith.Tor.Control;

namespace Kith.Tor.Hosting;

/// <summary>A tor Kith can use: an authenticated control connection and a SocksPort on loopback.</summary>
public interface ITor : IAsyncDisposable
{
    /// <summary>The authenticated control connection (replaced after a supervised restart).</summary>
    TorControlClient Control { get; }

    /// <summary>The loopback SocksPort to dial onions through.</summary>
    IPEndPoint SocksEndPoint { get; }

    /// <summary>The loopback control port.</summary>
    IPEndPoint ControlEndPoint { get; }
}
