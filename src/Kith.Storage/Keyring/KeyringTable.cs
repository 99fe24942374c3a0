using Microsoft.Data.Sqlite;

namespace Kith.Storage.Keyring;

/// <summary>Reads and writes the single row of the <c>keyring</c> table.</summary>
internal static class KeyringTable
{
    /// <summary>The record, or <c>null</c> when the store's creation never got as far as writing it.</summary>
    public static WrappedDataKey? Load(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = new SqliteCommand(
            "SELECT format, kdf, kdf_iterations, kdf_memory_kib, salt, nonce, wrapped_key FROM keyring WHERE id = 1",
            connection, transaction);
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        // Out-of-range integers become values IsSupported refuses, rather than overflow exceptions.
        return new WrappedDataKey(
            ClampToInt(reader.GetInt64(0)),
            (PassphraseKdf)ClampToInt(reader.GetInt64(1)),
            new PassphraseKdfParameters(ClampToInt(reader.GetInt64(2)), ClampToInt(reader.GetInt64(3))),
            reader.GetFieldValue<byte[]>(4),
            reader.GetFieldValue<byte[]>(5),
            reader.GetFieldValue<byte[]>(6));
    }

    /// <summary>Writes the first record; <c>false</c> when one exists already.</summary>
    public static bool TryInsert(SqliteConnection connection, WrappedDataKey record)
    {
        using var command = new SqliteCommand("""
            INSERT OR IGNORE INTO keyring (id, format, kdf, kdf_iterations, kdf_memory_kib, salt, nonce, wrapped_key)
            VALUES (1, $format, $kdf, $iterations, $memory, $salt, $nonce, $wrapped)
            """, connection);
        Bind(command, record);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Replaces the record (a new passphrase or new costs), in the caller's transaction.</summary>
    public static void Replace(SqliteConnection connection, SqliteTransaction transaction, WrappedDataKey record)
    {
        using var command = new SqliteCommand("""
            UPDATE keyring SET format = $format, kdf = $kdf, kdf_iterations = $iterations, kdf_memory_kib = $memory,
                salt = $salt, nonce = $nonce, wrapped_key = $wrapped
            WHERE id = 1
            """, connection, transaction);
        Bind(command, record);
        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException("The keyring row disappeared while the store was open.");
        }
    }

    private static void Bind(SqliteCommand command, WrappedDataKey record)
    {
        command.Parameters.AddWithValue("$format", record.Format);
        command.Parameters.AddWithValue("$kdf", (int)record.Kdf);
        command.Parameters.AddWithValue("$iterations", record.Parameters.Iterations);
        command.Parameters.AddWithValue("$memory", record.Parameters.MemoryKiB);
        command.Parameters.AddWithValue("$salt", record.Salt);
        command.Parameters.AddWithValue("$nonce", record.Nonce);
        command.Parameters.AddWithValue("$wrapped", record.Ciphertext);
    }

    private static int ClampToInt(long value) => (int)Math.Clamp(value, -1, int.MaxValue);
}
