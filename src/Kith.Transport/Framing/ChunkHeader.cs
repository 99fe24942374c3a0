namespace Kith.Transport.Framing;

/// <summary>
/// The first byte of every decrypted transport message. An application frame longer than one Noise message
/// (§3: 65535 bytes) is cut into chunks; all but the last say <see cref="More"/>. Because the header sits inside
/// the AEAD, a peer-side attacker cannot move chunk boundaries without failing authentication.
/// </summary>
internal static class ChunkHeader
{
    /// <summary>More chunks of the same frame follow.</summary>
    public const byte More = 0x00;

    /// <summary>This chunk ends the frame.</summary>
    public const byte Final = 0x01;

    /// <summary>
    /// A keepalive: no data, not part of any frame. It only proves the link is alive (resetting the peer's idle
    /// timeout); being inside the AEAD, it cannot be forged by anyone on the path.
    /// </summary>
    public const byte Keepalive = 0x02;

    /// <summary>Header size in bytes.</summary>
    public const int Size = 1;

    /// <summary>Application bytes per chunk: a Noise transport payload minus the header.</summary>
    public const int MaxData = Primitives.Limits.NoiseMaxTransportPayloadLength - Size;
}
