namespace Kith.Storage.Stores;

/// <summary>
/// Thrown by the stores whose protocol interfaces return plain values (<see cref="SqliteAccountLogStore"/>,
/// <see cref="SqliteContactStore"/>, <see cref="SqliteDeviceRecordStore"/>) when a stored value fails
/// authentication or does not decode: the file was altered or damaged, which no caller can repair by
/// retrying. It never happens for input from peers, which is checked before it is stored.
/// </summary>
public sealed class StoredValueCorruptException : Exception
{
    /// <summary>The exception form of <see cref="StorageErrors.CorruptValue"/>, for a value in <paramref name="table"/>.</summary>
    public StoredValueCorruptException(string table)
        : base($"A stored value in table '{table}' failed authentication or does not decode.")
    {
        Table = table;
    }

    /// <summary>Required by CA1032; use the table form.</summary>
    public StoredValueCorruptException()
        : this("unknown")
    {
    }

    /// <summary>Required by CA1032; use the table form.</summary>
    public StoredValueCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
        Table = "unknown";
    }

    /// <summary>The table holding the bad value.</summary>
    public string Table { get; }
}
