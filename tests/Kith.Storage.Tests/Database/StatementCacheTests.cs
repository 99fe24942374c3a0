using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;

namespace Kith.Storage.Tests.Database;

/// <summary>Hot paths reuse their prepared statements across transactions instead of preparing them anew.</summary>
public sealed class StatementCacheTests
{
    [Fact]
    public void Repeated_writes_and_reads_reuse_the_statements_they_prepared_first()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 90);
        var store = new SqliteStateStore(database);
        store.Write("kind", [0], [0]);
        _ = store.Read("kind", [0]);
        int afterFirst = database.PreparedStatementCount;
        for (byte i = 1; i < 50; i++)
        {
            store.Write("kind", [i], [i]);
            Assert.Equal([i], store.Read("kind", [i]).Value!);
        }

        Assert.Equal(2, afterFirst);
        Assert.Equal(afterFirst, database.PreparedStatementCount);
    }

    [Fact]
    public void A_cached_statement_works_after_a_rolled_back_step_and_a_checkpoint()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 91);
        var store = new SqliteStateStore(database);
        store.Write("kind", [1], [1]);
        Assert.Throws<InvalidOperationException>(() => database.RunInTransaction(transaction =>
        {
            new SqliteStateStore(transaction).Write("kind", [2], [2]);
            throw new InvalidOperationException("step failed");
        }));
        database.Checkpoint();
        store.Write("kind", [3], [3]);
        Assert.Equal([1], store.Read("kind", [1]).Value!);
        Assert.Null(store.Read("kind", [2]).Value);
        Assert.Equal([3], store.Read("kind", [3]).Value!);
    }

    [Fact]
    public async Task Group_commits_prepare_their_savepoint_statements_once()
    {
        using var folder = new TempFolder();
        using KithDatabase database = TestStores.Create(folder, seed: 92);
        var committer = new GroupCommitter(database);
        await committer.RunAsync(transaction => new SqliteStateStore(transaction).Write("kind", [0], [0]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => committer.RunAsync(_ => throw new InvalidOperationException("rolled back")));
        int afterFirst = database.PreparedStatementCount;
        for (byte i = 1; i < 20; i++)
        {
            await committer.RunAsync(transaction => new SqliteStateStore(transaction).Write("kind", [i], [i]));
            await Assert.ThrowsAsync<InvalidOperationException>(() => committer.RunAsync(_ => throw new InvalidOperationException("rolled back")));
        }

        // The state upsert and SAVEPOINT, RELEASE and ROLLBACK TO, each prepared once.
        Assert.Equal(4, afterFirst);
        Assert.Equal(afterFirst, database.PreparedStatementCount);
        Assert.Equal([19], new SqliteStateStore(database).Read("kind", [19]).Value!);
    }
}
