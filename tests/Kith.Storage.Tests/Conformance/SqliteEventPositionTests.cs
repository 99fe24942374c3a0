using Kith.Primitives.Errors;
using Kith.Storage.Database;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;
using Kith.Wire.Conversations;
using Microsoft.Data.Sqlite;

namespace Kith.Storage.Tests.Conformance;

/// <summary>
/// The positions (<c>seq</c>) <see cref="SqliteEventStore"/> gives: 1, 2, 3, ... per conversation in arrival order,
/// with the last one remembered per transaction (<see cref="KithTransaction.EventTails"/>) and nothing remembered
/// from a rolled back transaction or group-commit step.
/// </summary>
public sealed class SqliteEventPositionTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly KithDatabase _database;
    private readonly EventSamples _samples = new(seed: 95);
    private readonly List<ConversationEvent> _events;

    public SqliteEventPositionTests()
    {
        _database = TestStores.Create(_folder, seed: 96);
        _events = _samples.Dag(6);
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    /// <summary>Every stored position in arrival (rowid) order, read from the file.</summary>
    private List<long> Positions()
    {
        using SqliteConnection raw = TestStores.Raw(_database.FilePath);
        return TestStores.Column<long>(raw, "SELECT seq FROM conversation_event ORDER BY rowid");
    }

    /// <summary>Appends event <paramref name="i"/>; <c>true</c>, so that steps can chain appends with <c>&amp;&amp;</c>.</summary>
    private bool Append(KithTransaction transaction, int i)
    {
        new SqliteEventStore(transaction).Append(_samples.Conversation, _events[i]);
        return true;
    }

    [Fact]
    public void Appends_in_one_transaction_take_consecutive_positions_after_the_stored_ones()
    {
        new SqliteEventStore(_database).Append(_samples.Conversation, _events[0]);
        var other = new EventSamples(seed: 97);
        ConversationEvent elsewhere = other.Write(0, [], EventSamples.Epoch);
        _database.RunInTransaction(transaction =>
        {
            Assert.True(Append(transaction, 1));
            new SqliteEventStore(transaction).Append(other.Conversation, elsewhere);
            Assert.True(Append(transaction, 2));
        });

        Assert.Equal([1, 2, 1, 3], Positions());
    }

    [Fact]
    public void A_rolled_back_step_leaves_no_remembered_position_for_the_next_transaction()
    {
        _database.RunInTransaction(transaction => Assert.True(Append(transaction, 0)));
        _ = _database.RunStep<int>(transaction =>
        {
            Assert.True(Append(transaction, 1));
            return KithError.Reject("test.rejected", "the step refused its input");
        });
        _database.RunInTransaction(transaction => Assert.True(Append(transaction, 2)));

        Assert.Equal([1, 2], Positions());
    }

    [Fact]
    public void A_group_step_rolled_back_alone_leaves_no_remembered_position_for_the_next_step()
    {
        // One shared transaction, three savepoints: the second is rolled back, so the third must continue after
        // the first. A position remembered across steps would leave the third at 4.
        GroupStep<bool>[] steps =
        [
            new(transaction => Append(transaction, 0) && Append(transaction, 1), keep => keep),
            new(transaction => Append(transaction, 2) && Append(transaction, 3) && false, keep => keep),
            new(transaction => Append(transaction, 4), keep => keep),
        ];
        _database.RunGroup(steps);

        Assert.All(steps, step => Assert.True(step.Task.IsCompletedSuccessfully));
        Assert.Equal([1, 2, 3], Positions());
        Assert.Equal([_events[0].Id, _events[1].Id, _events[4].Id],
            new SqliteEventStore(_database).All(_samples.Conversation).Value.Select(e => e.Id));
    }
}
