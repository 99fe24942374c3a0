using Kith.Crypto;
using Kith.Node.Device;
using Kith.Node.Services;
using Kith.Primitives.Ids;
using Kith.Protocol.Contacts;
using Kith.Protocol.Prekeys;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Transport.Handshake;
using Kith.Wire.Devices;

namespace Kith.Node.Peers;

/// <summary>
/// Who may hold a link with this device, as a snapshot of the store: the member devices of every contact
/// (<see cref="ContactBook.Devices"/>) and this account's other devices whose records are stored. A link is
/// authorised by the device id its handshake payload proved (<see cref="LinkIdentity"/>: the device's Ed25519 identity
/// signed the Noise static key, checked by the transport before asking here), so a device known only from a QR card,
/// whose record carries no prekeys, can dial and be dialled; its prekeys then arrive in its account update over the
/// link. When the prekeys are known, their X25519 identity key, signed by the device
/// (<see cref="PrekeySignatures.IdentityDhKeyPayload"/>, PQXDH §3.2), is also the static key a dial expects.
/// </summary>
/// <remarks>
/// Lookups read an in-memory snapshot, so they never touch the store: <see cref="Engine.Links.IDeviceLinks"/>' Send runs under the
/// engine's lock and must not block. <see cref="Refresh"/> reloads it (at start, and when contacts change).
/// </remarks>
internal sealed class PeerDirectory(LocalDevice device)
{
    private readonly Lock _gate = new();
    private Dictionary<DeviceId, KnownPeer> _byDevice = [];

    /// <summary>The known peers now.</summary>
    public IReadOnlyList<KnownPeer> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _byDevice.Values];
            }
        }
    }

    /// <summary>Reloads the snapshot from the store.</summary>
    public void Refresh()
    {
        List<KnownPeer> peers = device.Database.RunInTransaction(Load);
        var byDevice = new Dictionary<DeviceId, KnownPeer>();
        foreach (KnownPeer peer in peers)
        {
            byDevice[peer.Device] = peer;
        }

        lock (_gate)
        {
            _byDevice = byDevice;
        }
    }

    /// <summary>The known peer <paramref name="peer"/>, or null.</summary>
    public KnownPeer? Find(DeviceId peer)
    {
        lock (_gate)
        {
            return _byDevice.GetValueOrDefault(peer);
        }
    }

    /// <summary>
    /// The <c>LinkAuthoriser</c>: <paramref name="remoteIdentity"/> when it is a known device, or null to refuse the
    /// link. The transport verified that this identity signed <paramref name="remoteStatic"/>, so the device holds
    /// that key whether or not its prekeys (and their copy of the key) are known here. A miss reloads the snapshot
    /// once (a contact added since the last refresh).
    /// </summary>
    public DeviceId? Authorise(ReadOnlySpan<byte> remoteStatic, DeviceId remoteIdentity)
    {
        if (Find(remoteIdentity) is not null)
        {
            return remoteIdentity;
        }

        Refresh();
        return Find(remoteIdentity)?.Device;
    }

    /// <summary>The static key <paramref name="record"/>'s device proves, if its identity signed one.</summary>
    public static byte[]? BoundStaticKey(DeviceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Prekeys is not { } prekeys || prekeys.Device != record.Device)
        {
            return null;
        }

        return Ed25519.Verify(record.Device.Span, PrekeySignatures.IdentityDhKeyPayload(prekeys.IdentityDhKey), prekeys.IdentityDhKeySignature)
            ? prekeys.IdentityDhKey
            : null;
    }

    private List<KnownPeer> Load(KithTransaction transaction)
    {
        ContactBook book = ContactService.Book(transaction);
        IEnumerable<DeviceRecord> records = new SqliteContactStore(transaction).All()
            .SelectMany(contact => book.Devices(contact.Account))
            .Concat(device.IsLinked ? new SqliteDeviceRecordStore(transaction).Load(device.Account) : []);
        var peers = new List<KnownPeer>();
        foreach (DeviceRecord record in records)
        {
            if (record.Device != device.Device)
            {
                peers.Add(new KnownPeer(record.Device, BoundStaticKey(record), record));
            }
        }

        return peers;
    }
}
