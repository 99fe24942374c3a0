using Kith.Crypto;
using Kith.Node.Device;
using Kith.Node.Services;
using Kith.Primitives.Ids;
using Kith.Protocol.Contacts;
using Kith.Protocol.Prekeys;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Wire.Devices;

namespace Kith.Node.Peers;

/// <summary>
/// Who may hold a link with this device, as a snapshot of the store: the member devices of every contact
/// (<see cref="ContactBook.Devices"/>) and this account's other devices whose records are stored. A device's Noise
/// static key is the X25519 identity key of its prekeys, accepted only when the device's Ed25519 identity signed it
/// (<see cref="PrekeySignatures.IdentityDhKeyPayload"/>, PQXDH §3.2): otherwise anyone could put its own key in a
/// record under a contact's device id. A record without prekeys (a QR card) has no static key yet, so that device
/// can neither dial nor be dialled until its prekeys are known.
/// </summary>
/// <remarks>
/// Lookups read an in-memory snapshot, so they never touch the store: <see cref="Engine.Links.IDeviceLinks"/>' Send runs under the
/// engine's lock and must not block. <see cref="Refresh"/> reloads it (at start, and when contacts change).
/// </remarks>
internal sealed class PeerDirectory(LocalDevice device)
{
    private readonly Lock _gate = new();
    private Dictionary<DeviceId, KnownPeer> _byDevice = [];
    private Dictionary<string, KnownPeer> _byStatic = new(StringComparer.Ordinal);

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
        var byStatic = new Dictionary<string, KnownPeer>(StringComparer.Ordinal);
        foreach (KnownPeer peer in peers)
        {
            byDevice[peer.Device] = peer;
            byStatic[Convert.ToHexString(peer.StaticKey)] = peer;
        }

        lock (_gate)
        {
            _byDevice = byDevice;
            _byStatic = byStatic;
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
    /// The <c>LinkAuthoriser</c>: the device whose bound X25519 identity key <paramref name="remoteStatic"/> is, or
    /// null to refuse the link. A miss reloads the snapshot once (a contact added since the last refresh).
    /// </summary>
    public DeviceId? Authorise(ReadOnlySpan<byte> remoteStatic)
    {
        string key = Convert.ToHexString(remoteStatic);
        lock (_gate)
        {
            if (_byStatic.TryGetValue(key, out KnownPeer? known))
            {
                return known.Device;
            }
        }

        Refresh();
        lock (_gate)
        {
            return _byStatic.TryGetValue(key, out KnownPeer? known) ? known.Device : null;
        }
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
            if (record.Device != device.Device && BoundStaticKey(record) is { } key)
            {
                peers.Add(new KnownPeer(record.Device, key, record));
            }
        }

        return peers;
    }
}
