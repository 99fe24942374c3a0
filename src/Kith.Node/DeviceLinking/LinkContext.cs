using Kith.Crypto;
using Kith.Node.Device;
using Kith.Primitives.Errors;
using Kith.Transport.Dialing;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Microsoft.Extensions.Logging;

namespace Kith.Node.DeviceLinking;

/// <summary>What a link session needs from the running node.</summary>
/// <param name="Device">This device.</param>
/// <param name="Dialer">The node's dialer (tor SOCKS, or direct TCP: NOT ANONYMOUS).</param>
/// <param name="Direct">Whether the node runs in direct mode.</param>
/// <param name="Time">The clock (expiry of the code).</param>
/// <param name="Random">Randomness (nonces, history keys).</param>
/// <param name="SelfRecord">This device's current record, with the node's transports.</param>
/// <param name="Publish">
/// Adds the co-signed add-device entry and the new device's record to the own account and sends them to every other
/// member and contact device, in one transaction (the messenger's <c>PublishAccountChange</c>).
/// </param>
/// <param name="Linked">Runs after a link finished (the existing side links to the new device).</param>
/// <param name="Log">Where each dial of the new device is logged (never the code or its secret).</param>
internal sealed record LinkContext(LocalDevice Device, ILinkDialer Dialer, bool Direct, TimeProvider Time, IRandomSource Random,
    Func<DeviceRecord> SelfRecord, Func<AccountEntry, DeviceRecord, Result<Unit>> Publish, Action Linked, ILogger Log)
{
    /// <summary>Now, in Unix milliseconds.</summary>
    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();
}
