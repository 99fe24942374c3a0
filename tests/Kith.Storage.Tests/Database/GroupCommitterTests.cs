using System.Buffers.Binary;
using Kith.Primitives.Errors;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Database;

/// <summary>
/// <see cref="GroupCommitter"/>: concurrent steps share transactions, each caller resumes only after its step
/// committed, and a failing step loses only its own changes.
/// </summary>
public sealed class GroupCommitterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempFolder _folder = new();
    private readonly KithDatabase _database;
    private readonly GroupCommitter _committer;

    public GroupCommitterTests()
    {
        _database = TestStores.Create(_folder, seed: 400);
        _committer = new GroupCommitter(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    private static byte[] Key(int i)
    {
        byte[] key = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(key, i);
        return key;
    }

    private static void Write(KithTransaction transaction, int i) => new SqliteStateStore(transaction).Write("group", Key(i), Key(i));

    [Fact]
    public async Task Many_concurrent_callers_each_see_their_step_committed_when_they_resume()
    {
        const int callers = 64;
        const int stepsEach = 8;
        // A second connection sees only what was committed: each step also writes its number to a plain probe
        // table, and each caller looks for its number there as soon as it resumes.
        using SqliteConnection reader = TestStores.Raw(_database.FilePath);
        TestStores.Execute(reader, "CREATE TABLE probe (n INTEGER PRIMARY KEY)");
        using var readerLock = new SemaphoreSlim(1, 1);
        int missing = 0;
        async Task Caller(int caller)
        {
            for (int s = 0; s < stepsEach; s++)
            {
                int i = (caller * stepsEach) + s;
                await _committer.RunAsync(transaction =>
                {
                    Write(transaction, i);
                    var probe = transaction.Prepared("INSERT INTO probe (n) VALUES ($n)");
                    probe.Parameters.AddWithValue("$n", i);
                    probe.ExecuteNonQuery();
                });
                await readerLock.WaitAsync(TestContext.Current.CancellationToken);
                try
                {
                    if (TestStores.Scalar(reader, $"SELECT EXISTS (SELECT 1 FROM probe WHERE n = {i})") is not 1L)
                    {
                        Interlocked.Increment(ref missing);
                    }
                }
                finally
                {
                    readerLock.Release();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(() => Caller(c))));
        Assert.Equal(0, missing);
        var store = new SqliteStateStore(_database);
        for (int i = 0; i < callers * stepsEach; i++)
        {
            Assert.Equal(Key(i), store.Read("group", Key(i)).Value!);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{callers * stepsEach} steps in {_committer.Groups} group commits");
    }

    [Fact]
    public async Task Steps_that_arrive_during_a_commit_share_the_next_transaction()
    {
        using var firstRunning = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Task first = _committer.RunAsync(transaction =>
        {
            Write(transaction, 0);
            firstRunning.Set();
            Assert.True(release.Wait(Patience, TestContext.Current.CancellationToken));
        });
        Assert.True(firstRunning.Wait(Patience, TestContext.Current.CancellationToken));
        // The drain is busy with the first group: these 50 queue up behind it.
        Task[] rest = [.. Enumerable.Range(1, 50).Select(i => _committer.RunAsync(transaction => Write(transaction, i)))];
        release.Set();
        await first;
        await Task.WhenAll(rest);
        Assert.Equal(2, _committer.Groups);
        using SqliteConnection raw = TestStores.Raw(_database.FilePath);
        Assert.Equal(51, (long)TestStores.Scalar(raw, "SELECT count(*) FROM state")!);
    }

    [Fact]
    public async Task A_step_that_throws_loses_only_its_own_changes()
    {
        using var firstRunning = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Task blocker = _committer.RunAsync(transaction =>
        {
            firstRunning.Set();
            Assert.True(release.Wait(Patience, TestContext.Current.CancellationToken));
        });
        Assert.True(firstRunning.Wait(Patience, TestContext.Current.CancellationToken));
        // All of these land in one group: the throwing ones wrote before throwing.
        Task[] steps = [.. Enumerable.Range(0, 30).Select(i => _committer.RunAsync(transaction =>
        {
            Write(transaction, i);
            if (i % 3 == 0)
            {
                throw new InvalidOperationException($"step {i} failed");
            }
        }))];
        release.Set();
        await blocker;
        await Task.WhenAll(steps).ContinueWith(_ => { }, TestContext.Current.CancellationToken, TaskContinuationOptions.None, TaskScheduler.Default);
        Assert.Equal(2, _committer.Groups);
        var store = new SqliteStateStore(_database);
        for (int i = 0; i < 30; i++)
        {
            if (i % 3 == 0)
            {
                Assert.Equal($"step {i} failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => steps[i])).Message);
                Assert.Null(store.Read("group", Key(i)).Value);
            }
            else
            {
                await steps[i];
                Assert.Equal(Key(i), store.Read("group", Key(i)).Value!);
            }
        }
    }

    [Fact]
    public async Task A_protocol_step_that_returns_an_error_is_rolled_back_and_others_commit()
    {
        Task<Result<int>> rejected = _committer.RunStepAsync<int>(transaction =>
        {
            Write(transaction, 1);
            return KithError.Reject("test.rejected", "the step refused its input");
        });
        Task<Result<int>> accepted = _committer.RunStepAsync<int>(transaction =>
        {
            Write(transaction, 2);
            return 2;
        });
        Assert.Equal("test.rejected", (await rejected).Error?.Code);
        Assert.Equal(2, (await accepted).Value);
        var store = new SqliteStateStore(_database);
        Assert.Null(store.Read("group", Key(1)).Value);
        Assert.Equal(Key(2), store.Read("group", Key(2)).Value!);
    }

    [Fact]
    public async Task Submitting_from_inside_a_transaction_throws_and_a_disposed_store_fails_the_steps()
    {
        Assert.Throws<InvalidOperationException>(() => _database.RunInTransaction(transaction => { _ = _committer.RunAsync(inner => 1); }));
        _database.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _committer.RunAsync(_ => 1));
    }
}
