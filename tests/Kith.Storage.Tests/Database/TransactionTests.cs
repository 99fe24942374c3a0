using System.Buffers.Binary;
using Kith.Primitives.Errors;
using Kith.Storage.Database;
using Kith.Storage.Migrations;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;

namespace Kith.Storage.Tests.Database;

public sealed class TransactionTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly KithDatabase _database;
    private readonly SqliteStateStore _store;

    public TransactionTests()
    {
        _database = TestStores.Create(_folder, seed: 50);
        _store = new SqliteStateStore(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void A_step_that_throws_midway_commits_nothing()
    {
        _store.Write("session", [1], [1]);
        Assert.Throws<InvalidOperationException>(() => _database.RunInTransaction(transaction =>
        {
            var store = new SqliteStateStore(transaction);
            store.Write("session", [1], [9]);
            store.Write("outbox", [1], [9]);
            Assert.True(store.Delete("session", [1]));
            throw new InvalidOperationException("step failed");
        }));

        Assert.Equal([1], _store.Read("session", [1]).Value);
        Assert.Null(_store.Read("outbox", [1]).Value);
    }

    [Fact]
    public void A_step_commits_its_state_and_its_outgoing_messages_together()
    {
        _database.RunInTransaction(transaction =>
        {
            var store = new SqliteStateStore(transaction);
            store.Write("session", [1], [2]);
            store.Write("outbox", [1], [3]);
            // Inside the step the new state is visible before commit.
            Assert.Equal([2], store.Read("session", [1]).Value);
        });

        Assert.Equal([2], _store.Read("session", [1]).Value);
        Assert.Equal([3], _store.Read("outbox", [1]).Value);
    }

    [Fact]
    public void A_step_returning_an_error_keeps_nothing_and_one_returning_a_value_commits()
    {
        KithError rejected = KithError.Reject("test.rejected", "A rejected input.");
        Result<int> failed = _database.RunStep<int>(transaction =>
        {
            new SqliteStateStore(transaction).Write("session", [1], [1]);
            return rejected;
        });
        Assert.Equal(rejected, failed.Error);
        Assert.Null(_store.Read("session", [1]).Value);

        Result<int> done = _database.RunStep(transaction =>
        {
            new SqliteStateStore(transaction).Write("session", [1], [1]);
            return Result<int>.Ok(7);
        });
        Assert.Equal(7, done.Value);
        Assert.Equal([1], _store.Read("session", [1]).Value);
    }

    [Fact]
    public void Transactions_do_not_nest()
    {
        _database.RunInTransaction(transaction =>
        {
            Assert.Throws<InvalidOperationException>(() => _database.RunInTransaction(_ => { }));
            Assert.Throws<InvalidOperationException>(() => _store.Write("session", [1], [1]));
            new SqliteStateStore(transaction).Write("session", [2], [2]);
        });

        Assert.Null(_store.Read("session", [1]).Value);
        Assert.Equal([2], _store.Read("session", [2]).Value);
    }

    [Fact]
    public void A_store_cannot_be_disposed_from_inside_its_own_transaction()
    {
        _database.RunInTransaction(_ => Assert.Throws<InvalidOperationException>(_database.Dispose));
        _store.Write("session", [1], [1]);
        Assert.Equal([1], _store.Read("session", [1]).Value);
    }

    [Fact]
    public void A_transaction_cannot_be_used_after_its_step()
    {
        KithTransaction escaped = _database.RunInTransaction(transaction => transaction);
        Assert.Throws<ObjectDisposedException>(() => new SqliteStateStore(escaped).Write("session", [1], [1]));
    }

    [Fact]
    public async Task Async_steps_commit_or_keep_nothing_like_synchronous_ones()
    {
        CancellationToken token = TestContext.Current.CancellationToken;
        await _database.RunInTransactionAsync(async (transaction, ct) =>
        {
            await Task.Yield();
            new SqliteStateStore(transaction).Write("session", [1], [1]);
        }, token);
        Assert.Equal([1], _store.Read("session", [1]).Value);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _database.RunInTransactionAsync(async (transaction, ct) =>
        {
            new SqliteStateStore(transaction).Write("session", [2], [2]);
            await Task.Yield();
            throw new InvalidOperationException("step failed");
        }, token));
        Assert.Null(_store.Read("session", [2]).Value);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        bool ran = false;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _database.RunInTransactionAsync((_, _) =>
        {
            ran = true;
            return Task.CompletedTask;
        }, cancelled.Token));
        Assert.False(ran);
    }

    [Fact]
    public async Task Concurrent_steps_run_one_at_a_time_and_lose_no_update()
    {
        const int Workers = 6;
        const int Increments = 20;
        _store.Write("counter", [], new byte[8]);
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (int i = 0; i < Increments; i++)
            {
                if ((worker + i) % 2 == 0)
                {
                    _database.RunInTransaction(Increment);
                }
                else
                {
                    await _database.RunInTransactionAsync((transaction, _) =>
                    {
                        Increment(transaction);
                        return Task.CompletedTask;
                    });
                }
            }
        })));

        Assert.Equal(Workers * Increments, BinaryPrimitives.ReadInt64BigEndian(_store.Read("counter", []).Value));

        static void Increment(KithTransaction transaction)
        {
            var store = new SqliteStateStore(transaction);
            long value = BinaryPrimitives.ReadInt64BigEndian(store.Read("counter", []).Value);
            byte[] next = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(next, value + 1);
            store.Write("counter", [], next);
        }
    }

    [Fact]
    public void A_disposed_database_refuses_work_and_disposing_twice_is_harmless()
    {
        Assert.Equal(SchemaMigrations.All.Count, _database.SchemaVersion);
        _database.Dispose();
        _database.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _database.RunInTransaction(_ => { }));
        Assert.Throws<ObjectDisposedException>(() => _store.Read("session", [1]));
        Assert.DoesNotContain("[", _database.ToString(), StringComparison.Ordinal);
    }
}
