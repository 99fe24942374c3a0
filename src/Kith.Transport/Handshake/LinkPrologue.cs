namespace Kith.Transport.Handshake;

/// <summary>
/// The Noise prologue of a Kith link (Noise rev. 34 §6): <c>"Kith link v2"</c> followed by one byte, the
/// <see cref="LinkKind"/>. Both sides mix it into the handshake hash, so a peer speaking another version or
/// believing the link is of another kind fails at the first authenticated message instead of being misread.
/// Version 2 added the <see cref="LinkIdentity"/> payload of messages 2 and 3 (version 1 sent empty payloads).
/// </summary>
internal static class LinkPrologue
{
    /// <summary>The version label.</summary>
    public static ReadOnlySpan<byte> Label => "Kith link v2"u8;

    /// <summary>The prologue for a link of <paramref name="kind"/>.</summary>
    public static byte[] For(LinkKind kind) => [.. Label, checked((byte)kind)];
}
