using Kith.Primitives.Errors;
using Kith.Primitives.Ids;
using Kith.Protocol.Contacts;
using Kith.Storage.Database;
using Kith.Storage.Encryption;
using Kith.Wire.Devices;

namespace Kith.Storage.Stores;

/// <summary>
/// <see cref="IDeviceRecordStore"/> over the <c>device_record</c> table: the device column is a blind index of
/// (account, device id), the account column a blind index of the account id, and the record
/// (<see cref="DeviceRecord.ToBytes"/>) is encrypted with the device index as its row key. Blind indexes have
/// no useful order, so <see cref="Load"/> sorts after decrypting.
/// </summary>
/// <remarks>
/// Reading a value that fails authentication or does not decode throws <see cref="StoredValueCorruptException"/>:
/// the interface returns plain values, and a damaged file is not something a caller can retry.
/// </remarks>
public sealed class SqliteDeviceRecordStore : IDeviceRecordStore
{
    private const string Table = "device_record";
    private static readonly ValueColumn DeviceColumn = new(Table, "device");
    private static readonly ValueColumn AccountColumn = new(Table, "account");
    private static readonly ValueColumn RecordColumn = new(Table, "record");

    private readonly StoreScope _scope;

    /// <summary>A store whose every call joins <paramref name="transaction"/> (one protocol step).</summary>
    public SqliteDeviceRecordStore(KithTransaction transaction) => _scope = new StoreScope(transaction);

    /// <summary>A store whose every call is its own transaction.</summary>
    public SqliteDeviceRecordStore(KithDatabase database) => _scope = new StoreScope(database);

    /// <inheritdoc/>
    public IReadOnlyList<DeviceRecord> Load(AccountId account)
    {
        byte[] accountIndex = _scope.Database.Index.Compute(AccountColumn, account.Span);
        return _scope.Run(transaction =>
        {
            var select = transaction.Prepared("SELECT device, record FROM device_record WHERE account = $account");
            select.Parameters.AddWithValue("$account", accountIndex);
            using var reader = select.ExecuteReader();
            var records = new List<DeviceRecord>();
            while (reader.Read())
            {
                records.Add(Open(transaction, account, reader.GetFieldValue<byte[]>(0), reader.GetFieldValue<byte[]>(1)));
            }

            records.Sort((a, b) => a.Device.CompareTo(b.Device));
            return records;
        });
    }

    /// <inheritdoc/>
    public void Put(AccountId account, DeviceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] deviceIndex = _scope.Database.Index.Compute(DeviceColumn, account.Span, record.Device.Span);
        byte[] accountIndex = _scope.Database.Index.Compute(AccountColumn, account.Span);
        byte[] stored = _scope.Database.Values.Encrypt(RecordColumn, deviceIndex, record.ToBytes());
        _scope.Run(transaction =>
        {
            var upsert = transaction.Prepared(
                "INSERT INTO device_record (device, account, record) VALUES ($device, $account, $record) "
                + "ON CONFLICT (device) DO UPDATE SET record = excluded.record");
            upsert.Parameters.AddWithValue("$device", deviceIndex);
            upsert.Parameters.AddWithValue("$account", accountIndex);
            upsert.Parameters.AddWithValue("$record", stored);
            return upsert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public void Remove(AccountId account, DeviceId device)
    {
        byte[] deviceIndex = _scope.Database.Index.Compute(DeviceColumn, account.Span, device.Span);
        _scope.Run(transaction =>
        {
            var delete = transaction.Prepared("DELETE FROM device_record WHERE device = $device");
            delete.Parameters.AddWithValue("$device", deviceIndex);
            return delete.ExecuteNonQuery();
        });
    }

    /// <summary>
    /// Decrypts a row and checks that the record is the one its row's index names, so a row whose account
    /// column was rewritten does not hand another account's device to this one.
    /// </summary>
    private static DeviceRecord Open(KithTransaction transaction, AccountId account, byte[] deviceIndex, byte[] stored)
    {
        Result<byte[]> plaintext = transaction.Values.Decrypt(RecordColumn, deviceIndex, stored);
        if (!plaintext.IsOk || !DeviceRecord.Decode(plaintext.Value).TryGet(out DeviceRecord? record, out _)
            || !transaction.Index.Compute(DeviceColumn, account.Span, record.Device.Span).AsSpan().SequenceEqual(deviceIndex))
        {
            throw new StoredValueCorruptException(Table);
        }

        return record;
    }

    /// <summary>Names the type only: the store reaches the database's keys.</summary>
    public override string ToString() => nameof(SqliteDeviceRecordStore);
}
