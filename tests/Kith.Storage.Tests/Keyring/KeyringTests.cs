using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Kith.Storage.Database;
using Kith.Storage.Keyring;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;

namespace Kith.Storage.Tests.Keyring;

public sealed class KeyringTests
{
    private static readonly byte[] Wrong = Encoding.UTF8.GetBytes("correct horse battery stapler");
    private static readonly byte[] Next = Encoding.UTF8.GetBytes("a new passphrase, longer");

    private static List<string> Hex(List<(byte[] Lookup, byte[] Value)> rows) =>
        rows.ConvertAll(row => Convert.ToHexString(row.Lookup) + ":" + Convert.ToHexString(row.Value));

    private static byte[] FileHash(string path) => SHA256.HashData(File.ReadAllBytes(path));

    private static object?[] KeyringRow(string path)
    {
        using var raw = TestStores.Raw(path);
        using var command = new Microsoft.Data.Sqlite.SqliteCommand("SELECT * FROM keyring", raw);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var values = new object?[reader.FieldCount];
        reader.GetValues(values!);
        return values;
    }

    [Fact]
    public void A_wrong_passphrase_fails_cleanly_and_changes_nothing()
    {
        using var folder = new TempFolder();
        string path;
        using (KithDatabase database = TestStores.Create(folder))
        {
            path = database.FilePath;
            new SqliteStateStore(database).Write("session", [1], [1, 2, 3]);
        }

        byte[] before = FileHash(path);
        var opened = KithDatabase.Open(folder.Path, Wrong, TestStores.Options(2));
        Assert.False(opened.IsOk);
        Assert.Equal(StorageErrors.WrongPassphrase, opened.Error);
        Assert.Equal(before, FileHash(path));
        Assert.False(File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0);

        using KithDatabase reopened = KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(3)).Value;
        Assert.Equal([1, 2, 3], new SqliteStateStore(reopened).Read("session", [1]).Value);
    }

    [Fact]
    public void Changing_the_passphrase_rewraps_the_key_and_never_reencrypts_values()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder);
        var store = new SqliteStateStore(database);
        for (byte i = 0; i < 20; i++)
        {
            store.Write("session", [i], Encoding.UTF8.GetBytes($"value {i}"));
        }

        List<string> rowsBefore;
        using (var raw = TestStores.Raw(database.FilePath))
        {
            rowsBefore = Hex(TestStores.StateRows(raw));
            Assert.Equal(20, rowsBefore.Count);
        }

        object?[] keyringBefore = KeyringRow(database.FilePath);
        Assert.True(database.ChangePassphrase(TestStores.Passphrase, Next).IsOk);

        using (var raw = TestStores.Raw(database.FilePath))
        {
            Assert.Equal(rowsBefore, Hex(TestStores.StateRows(raw)));
        }

        object?[] keyringAfter = KeyringRow(database.FilePath);
        Assert.NotEqual(keyringBefore[5], keyringAfter[5]); // salt
        Assert.NotEqual(keyringBefore[7], keyringAfter[7]); // wrapped key
        Assert.Equal(Encoding.UTF8.GetBytes("value 5"), store.Read("session", [5]).Value);
        database.Dispose();

        Assert.Equal(StorageErrors.WrongPassphrase, KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(4)).Error);
        using KithDatabase reopened = KithDatabase.Open(folder.Path, Next, TestStores.Options(5)).Value;
        Assert.Equal(Encoding.UTF8.GetBytes("value 19"), new SqliteStateStore(reopened).Read("session", [19]).Value);
    }

    [Fact]
    public void Changing_the_passphrase_with_a_wrong_current_one_changes_nothing()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder);
        object?[] before = KeyringRow(database.FilePath);
        Assert.Equal(StorageErrors.WrongPassphrase, database.ChangePassphrase(Wrong, Next).Error);
        Assert.Equal(before, KeyringRow(database.FilePath));
    }

    [Fact]
    public void Costs_can_be_raised_when_the_passphrase_is_rewrapped()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder);
        Assert.True(database.ChangePassphrase(TestStores.Passphrase, TestStores.Passphrase, new PassphraseKdfParameters(2, 256)).IsOk);
        object?[] row = KeyringRow(database.FilePath);
        Assert.Equal(2L, row[3]);
        Assert.Equal(256L, row[4]);
        database.Dispose();
        Assert.True(KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(6)).IsOk);
    }

    /// <summary>The production costs, once: RFC 9106's t = 3, m = 64 MiB are stored and used to open again.</summary>
    [Fact]
    public void The_default_costs_are_argon2id_with_64_MiB_and_three_passes()
    {
        using var folder = new TempFolder();
        var create = Stopwatch.StartNew();
        using (KithDatabase database = KithDatabase.Create(folder.Path, TestStores.Passphrase).Value)
        {
            create.Stop();
            object?[] row = KeyringRow(database.FilePath);
            Assert.Equal((long)PassphraseKdf.Argon2id13, row[2]);
            Assert.Equal(3L, row[3]);
            Assert.Equal(64L * 1024, row[4]);
        }

        var open = Stopwatch.StartNew();
        using (KithDatabase.Open(folder.Path, TestStores.Passphrase).Value)
        {
            open.Stop();
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"MEASURE storage_create_default_argon2_ms {create.ElapsedMilliseconds}; storage_open_default_argon2_ms {open.ElapsedMilliseconds}");
    }

    [Fact]
    public void Creating_where_a_store_exists_fails_and_opening_where_none_exists_fails()
    {
        using var folder = new TempFolder();
        Assert.Equal(StorageErrors.NotFound, KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(1)).Error);
        using (TestStores.Create(folder))
        {
        }

        byte[] before = FileHash(folder.File(KithDatabase.FileName));
        Assert.Equal(StorageErrors.AlreadyExists, KithDatabase.Create(folder.Path, Wrong, TestStores.Options(2)).Error);
        Assert.Equal(before, FileHash(folder.File(KithDatabase.FileName)));
        Assert.True(KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(3)).IsOk);
    }

    [Fact]
    public void An_interrupted_creation_reads_as_no_store_and_can_be_created_again()
    {
        using var folder = new TempFolder();
        using (TestStores.Create(folder))
        {
        }

        using (var raw = TestStores.Raw(folder.File(KithDatabase.FileName)))
        {
            TestStores.Execute(raw, "DELETE FROM keyring");
        }

        Assert.Equal(StorageErrors.NotFound, KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(2)).Error);
        using KithDatabase created = KithDatabase.Create(folder.Path, Next, TestStores.Options(3)).Value;
        Assert.True(created.ChangePassphrase(Next, Next).IsOk);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File(KithDatabase.FileName), Encoding.UTF8.GetBytes(new string('x', 8192)));
        Assert.Equal(StorageErrors.NotAKithDatabase, KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(1)).Error);
        Assert.Equal(StorageErrors.NotAKithDatabase, KithDatabase.Create(folder.Path, TestStores.Passphrase, TestStores.Options(1)).Error);
    }

    [Fact]
    public void Another_applications_database_is_refused_and_left_untouched()
    {
        using var folder = new TempFolder();
        string path = folder.File(KithDatabase.FileName);
        using (var raw = TestStores.Raw(path))
        {
            TestStores.Execute(raw, "CREATE TABLE notes (text TEXT)");
        }

        byte[] before = FileHash(path);
        Assert.Equal(StorageErrors.NotAKithDatabase, KithDatabase.Create(folder.Path, TestStores.Passphrase, TestStores.Options(1)).Error);
        Assert.Equal(StorageErrors.NotAKithDatabase, KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(1)).Error);
        Assert.Equal(before, FileHash(path));
    }

    [Theory]
    [InlineData("UPDATE keyring SET kdf_iterations = 1000000")]
    [InlineData("UPDATE keyring SET kdf_memory_kib = 1099511627776")]
    [InlineData("UPDATE keyring SET kdf = 2")]
    [InlineData("UPDATE keyring SET format = 2")]
    [InlineData("UPDATE keyring SET salt = x'00'")]
    public void A_keyring_with_unknown_format_or_unbounded_costs_is_refused_without_running_them(string tamper)
    {
        using var folder = new TempFolder();
        using (TestStores.Create(folder))
        {
        }

        using (var raw = TestStores.Raw(folder.File(KithDatabase.FileName)))
        {
            TestStores.Execute(raw, tamper);
        }

        Assert.Equal(StorageErrors.KeyringUnsupported, KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(2)).Error);
    }

    [Theory]
    [InlineData("UPDATE keyring SET salt = zeroblob(16)")]
    [InlineData("UPDATE keyring SET kdf_iterations = 2")]
    [InlineData("UPDATE keyring SET nonce = zeroblob(24)")]
    [InlineData("UPDATE keyring SET wrapped_key = zeroblob(48)")]
    public void A_keyring_whose_inputs_were_altered_does_not_open(string tamper)
    {
        using var folder = new TempFolder();
        using (TestStores.Create(folder))
        {
        }

        using (var raw = TestStores.Raw(folder.File(KithDatabase.FileName)))
        {
            TestStores.Execute(raw, tamper);
        }

        Assert.Equal(StorageErrors.WrongPassphrase, KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(2)).Error);
    }

    [Fact]
    public void A_store_written_by_a_newer_schema_is_refused()
    {
        using var folder = new TempFolder();
        using (TestStores.Create(folder))
        {
        }

        using (var raw = TestStores.Raw(folder.File(KithDatabase.FileName)))
        {
            TestStores.Execute(raw, "PRAGMA user_version = 99");
        }

        Assert.Equal(StorageErrors.SchemaTooNew, KithDatabase.Open(folder.Path, TestStores.Passphrase, TestStores.Options(2)).Error);
    }
}
