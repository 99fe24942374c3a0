using Kith.Primitives.Ids;

namespace Kith.Transport.Handshake;

/// <summary>
/// Decides who may hold an inbound link: maps what a connecting device proved in the handshake to the device it
/// belongs to (the node looks it up among its contacts' and its own devices), or <c>null</c> to refuse.
/// </summary>
/// <param name="remoteStatic">The peer's static public key (32 bytes), authenticated by Noise.</param>
/// <param name="remoteIdentity">
/// The device identity whose signature in the handshake payload binds <paramref name="remoteStatic"/> to it
/// (<see cref="LinkIdentity"/>), already verified; a device known only by its identity (a QR card) is recognised by it.
/// </param>
public delegate DeviceId? LinkAuthoriser(ReadOnlySpan<byte> remoteStatic, DeviceId remoteIdentity);
