using Microsoft.Extensions.Logging;

namespace Kith.Node.DeviceLinking;

/// <summary>
/// What the existing device logs while dialling the new device (docs/ACCOUNTS.md, "Linking a device"). Only the
/// attempt, the error code and the wait are logged: never the link code, its secret, or the address it names (an
/// onion address in the log would tie the two devices together for anyone who reads it).
/// </summary>
internal static partial class LinkLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Linking: dial {Attempt} of the new device failed ({Error}); next dial in {WaitMs} ms")]
    public static partial void DialFailed(ILogger logger, int attempt, string error, long waitMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Linking: dial {Attempt} of the new device failed ({Error}); the code expires before another dial, giving up")]
    public static partial void DialGaveUp(ILogger logger, int attempt, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Linking: dial {Attempt} reached the new device")]
    public static partial void Dialled(ILogger logger, int attempt);
}
