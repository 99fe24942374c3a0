namespace Kith.Storage.Encryption;

/// <summary>
/// Where an encrypted value or a blind index lives: its table and column. Both go into the associated data
/// of every value and the input of every blind index, so a ciphertext or index computed for one column is
/// worthless in another.
/// </summary>
/// <param name="Table">The SQL table name.</param>
/// <param name="Column">The SQL column name.</param>
public readonly record struct ValueColumn(string Table, string Column);
