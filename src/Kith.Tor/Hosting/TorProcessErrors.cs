using System.Globalization;
using Kith.Primitives.Errors;

namespace Kith.Tor.Hosting;

/// <summary>Errors of starting and supervising a tor process.</summary>
public static class TorProcessErrors
{
    /// <summary>The tor executable could not be started.</summary>
    public static KithError NotStarted { get; } = new(
        "tor.process.not_started", ErrorScope.Local, false, "The tor executable could not be started.");

    /// <summary>Tor reported no SocksPort listener on loopback.</summary>
    public static KithError NoSocksListener { get; } = new(
        "tor.process.no_socks_listener", ErrorScope.Local, false, "Tor opened no SocksPort on loopback.");

    /// <summary>Tor's port file was missing, oversized or held no loopback address.</summary>
    public static KithError BadPortFile { get; } = new(
        "tor.process.bad_port_file", ErrorScope.Local, false, "Tor's control port file could not be read.");

    /// <summary>Tor did not become usable within <see cref="TorProcessOptions.StartTimeout"/>.</summary>
    public static KithError StartTimeout { get; } = new(
        "tor.process.start_timeout", ErrorScope.Local, true, "Tor did not become ready in time.");

    /// <summary>Tor exited before it was ready; the last lines of its own output say why.</summary>
    public static KithError Exited(int exitCode, string lastOutput) => new(
        "tor.process.exited", ErrorScope.Local, true,
        string.Create(CultureInfo.InvariantCulture, $"Tor exited with code {exitCode} before it was ready. Its last output: {lastOutput}"));
}
