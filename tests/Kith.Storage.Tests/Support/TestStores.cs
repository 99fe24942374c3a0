using System.Text;
using Kith.Crypto;
using Kith.Storage.Database;
using Kith.Storage.Keyring;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Support;

public static class TestStores
{
    public static readonly byte[] Passphrase = Encoding.UTF8.GetBytes("correct horse battery staple");

    /// <summary>Argon2id at its cheapest so tests stay fast; one test uses the defaults (KeyringTests).</summary>
    public static readonly PassphraseKdfParameters FastKdf = new(1, 64);

    public static KithDatabaseOptions Options(ulong seed) => new() { KdfParameters = FastKdf, Random = new SeededRandomSource(seed) };

    public static KithDatabase Create(TempFolder folder, ulong seed = 1) =>
        KithDatabase.Create(folder.Path, Passphrase, Options(seed)).Value;

    /// <summary>A plain connection to the store file, as an attacker or a debugging tool would open it.</summary>
    public static SqliteConnection Raw(string filePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = filePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public static int Execute(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, in order.</summary>
    public static List<T> Column<T>(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        using SqliteDataReader reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    /// <summary>Every (lookup, value) row of the state table, as stored.</summary>
    public static List<(byte[] Lookup, byte[] Value)> StateRows(SqliteConnection connection)
    {
        using var command = new SqliteCommand("SELECT lookup, value FROM state ORDER BY lookup", connection);
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<(byte[], byte[])>();
        while (reader.Read())
        {
            rows.Add((reader.GetFieldValue<byte[]>(0), reader.GetFieldValue<byte[]>(1)));
        }

        return rows;
    }
}
