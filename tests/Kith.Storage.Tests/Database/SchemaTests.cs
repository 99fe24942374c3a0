using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kith.Storage.Database;
using Kith.Storage.Tests.Support;

namespace Kith.Storage.Tests.Database;

/// <summary>The schema a fresh store gets equals the committed <c>Schema/schema.sql</c>: schema changes are deliberate.</summary>
public sealed partial class SchemaTests
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*([(),;])\s*")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"^--\s*(\w+):\s*(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Header();

    private static string Normalise(string sql) => Punctuation().Replace(Whitespace().Replace(sql, " "), "$1").Trim();

    private static string CommittedSchemaText() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "schema.sql"));

    private static string CommittedStatements() =>
        Normalise(string.Join("\n", CommittedSchemaText().Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))));

    [Fact]
    public void A_freshly_migrated_store_has_exactly_the_committed_schema()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder);
        using var raw = TestStores.Raw(database.FilePath);
        var actual = new StringBuilder();
        using (var command = new Microsoft.Data.Sqlite.SqliteCommand(
            "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid", raw))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                actual.Append(reader.GetString(0)).Append(";\n");
            }
        }

        Assert.Equal(CommittedStatements(), Normalise(actual.ToString()));

        Dictionary<string, long> header = Header().Matches(CommittedSchemaText())
            .ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(header["user_version"], (long)TestStores.Scalar(raw, "PRAGMA user_version")!);
        Assert.Equal(header["application_id"], (long)TestStores.Scalar(raw, "PRAGMA application_id")!);
    }

    [Fact]
    public void A_fresh_store_is_in_wal_mode_and_readable_by_its_owner_only()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder);
        using var raw = TestStores.Raw(database.FilePath);
        Assert.Equal("wal", TestStores.Scalar(raw, "PRAGMA journal_mode"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(database.FilePath));
        }
    }

    [Fact]
    public void The_store_checkpoints_its_wal_at_the_limit_rather_than_at_sqlites_default()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder);
        Assert.Equal(Kith.Primitives.Limits.WalCheckpointPages, database.WalAutocheckpointPages);
    }

    [Fact]
    public void The_comparison_notices_a_changed_schema()
    {
        string committed = CommittedStatements();
        Assert.NotEqual(committed, Normalise(committed.Replace("value BLOB NOT NULL", "value BLOB", StringComparison.Ordinal)));
        Assert.Equal(committed, Normalise(committed.Replace(" ", "\n   ", StringComparison.Ordinal)));
    }
}
