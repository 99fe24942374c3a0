namespace Kith.Primitives;

public static partial class Limits
{
    /// <summary>
    /// Longest Noise message, handshake or transport (Noise rev. 34 §3). The spec fixes it so that every
    /// message fits a 16-bit length prefix on a stream; Kith frames links that way, and a peer that sends
    /// more is not speaking Noise, so it is refused before any cryptography runs.
    /// </summary>
    public const int NoiseMaxMessageLength = 65535;

    /// <summary>
    /// Longest plaintext of one Noise transport message: <see cref="NoiseMaxMessageLength"/> minus the
    /// 16-byte ChaChaPoly tag (§3, §12.3). Larger application frames are split by the link layer.
    /// </summary>
    public const int NoiseMaxTransportPayloadLength = NoiseMaxMessageLength - 16;
}
