using Kith.Primitives.Ids;

namespace Kith.Transport.Handshake;

/// <summary>
/// Decides who may hold an inbound link: maps the X25519 static key a connecting device proved in the handshake to
/// the device it belongs to (the node looks it up among its contacts' and its own devices), or <c>null</c> to refuse.
/// </summary>
/// <param name="remoteStatic">The peer's static public key (32 bytes), authenticated by Noise.</param>
public delegate DeviceId? LinkAuthoriser(ReadOnlySpan<byte> remoteStatic);
