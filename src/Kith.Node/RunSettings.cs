using System.Net;

namespace Kith.Node;

/// <summary>How <c>kith-node run</c> was asked to reach peers.</summary>
/// <param name="Direct">Plain TCP on loopback, without tor: NOT ANONYMOUS.</param>
/// <param name="TorControl">An already running tor's control port (loopback), instead of starting one.</param>
/// <param name="TorCookie">That tor's cookie file, when it is not where tor says.</param>
/// <param name="TorExecutable">The tor to start: a path or a name on PATH.</param>
internal sealed record RunSettings(bool Direct, IPEndPoint? TorControl, string? TorCookie, string TorExecutable = "tor");
