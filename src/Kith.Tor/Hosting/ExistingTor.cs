using System.Net;
using Kith.Primitives.Errors;
using Kith.Tor.Control;

namespace Kith.Tor.Hosting;

/// <summary>
/// A tor Kith did not start (Tor Browser's, a system service): reached through its control port, authenticated,
/// its SocksPort read from <c>GETINFO net/listeners/socks</c>. Kith neither takes ownership of it nor stops it.
/// </summary>
public sealed class ExistingTor : ITor
{
    private ExistingTor(TorControlClient control, IPEndPoint controlEndPoint, IPEndPoint socksEndPoint)
    {
        Control = control;
        ControlEndPoint = controlEndPoint;
        SocksEndPoint = socksEndPoint;
    }

    /// <inheritdoc/>
    public TorControlClient Control { get; }

    /// <inheritdoc/>
    public IPEndPoint ControlEndPoint { get; }

    /// <inheritdoc/>
    public IPEndPoint SocksEndPoint { get; }

    /// <summary>
    /// Connects to the control port at <paramref name="controlEndPoint"/> (loopback) and authenticates;
    /// <paramref name="cookieFile"/> overrides the cookie path tor reports.
    /// </summary>
    public static async Task<Result<ExistingTor>> ConnectAsync(IPEndPoint controlEndPoint, string? cookieFile, CancellationToken cancellationToken)
    {
        var connected = await TorControlClient.ConnectAsync(controlEndPoint, cancellationToken).ConfigureAwait(false);
        if (!connected.TryGet(out var control, out var error))
        {
            return error;
        }

        var ok = false;
        try
        {
            var auth = await control.AuthenticateAsync(cookieFile, cancellationToken).ConfigureAwait(false);
            if (!auth.IsOk)
            {
                return auth.Error;
            }

            var listeners = await control.GetSocksListenersAsync(cancellationToken).ConfigureAwait(false);
            if (!listeners.TryGet(out var socks, out error))
            {
                return error;
            }

            var loopback = socks.FirstOrDefault(e => IPAddress.IsLoopback(e.Address));
            if (loopback is null)
            {
                return TorProcessErrors.NoSocksListener;
            }

            ok = true;
            return new ExistingTor(control, controlEndPoint, loopback);
        }
        finally
        {
            if (!ok)
            {
                await control.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Closes the control connection; tor keeps running (services made without <c>Detach</c> end).</summary>
    public ValueTask DisposeAsync() => Control.DisposeAsync();
}
