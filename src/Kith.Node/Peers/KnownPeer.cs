using Kith.Primitives.Ids;
using Kith.Wire.Devices;

namespace Kith.Node.Peers;

/// <summary>
/// A device this node may hold a link with: one of its own account's other devices or a contact's device, with the
/// X25519 identity key its signed prekeys bind to it (the Noise static it must prove) when its prekeys are known, and
/// the record saying how to reach it.
/// </summary>
/// <param name="Device">The device id (its Ed25519 identity).</param>
/// <param name="StaticKey">
/// Its X25519 identity key (PQXDH <c>IK</c>), 32 bytes, checked against the device's signature; null when its record
/// came without prekeys (a QR card): the link handshake's identity payload then proves the device instead.
/// </param>
/// <param name="Record">Its latest verified device record (onion key, transports).</param>
internal sealed record KnownPeer(DeviceId Device, byte[]? StaticKey, DeviceRecord Record);
