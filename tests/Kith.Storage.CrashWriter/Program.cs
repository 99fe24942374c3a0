using System.Buffers.Binary;
using Kith.Primitives.Errors;
using Kith.Storage;
using Kith.Storage.CrashWriter;
using Kith.Storage.Database;
using Kith.Storage.Stores;

// Usage: Kith.Storage.CrashWriter <folder>
// Opens (or creates) the store, then writes numbered records forever and prints each number after its commit
// returned: in turns, one record in a transaction of its own, then GroupSize records submitted at once through a
// GroupCommitter (each printed once its own task completed, i.e. once the group transaction holding it
// committed). The test kills this process at random moments: every printed number must then be in the store, intact.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Kith.Storage.CrashWriter <folder>");
    return 64;
}

string folder = args[0];
Result<KithDatabase> opened = KithDatabase.Open(folder, CrashRecords.Passphrase, CrashRecords.Options);
if (!opened.IsOk && opened.Error == StorageErrors.NotFound)
{
    opened = KithDatabase.Create(folder, CrashRecords.Passphrase, CrashRecords.Options);
}

if (!opened.TryGet(out KithDatabase? database, out KithError? error))
{
    Console.Error.WriteLine(error);
    return 2;
}

using (database)
{
    var store = new SqliteStateStore(database);
    byte[]? counter = store.Read(CrashRecords.CounterKind, []).Value;
    long next = counter is null ? 1 : BinaryPrimitives.ReadInt64BigEndian(counter) + 1;
    using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
    var committer = new GroupCommitter(database);
    while (true)
    {
        long number = next;
        database.RunInTransaction(transaction => Write(transaction, number));
        output.Write($"{number}{CrashRecords.Terminator}\n");
        next++;

        // Submitted in order from this thread, so the group steps run in order and the counter ends at the largest.
        long first = next;
        Task[] group = [.. Enumerable.Range(0, CrashRecords.GroupSize).Select(i => committer.RunAsync(transaction => Write(transaction, first + i)))];
        for (int i = 0; i < group.Length; i++)
        {
            await group[i];
            output.Write($"{first + i}{CrashRecords.Terminator}\n");
        }

        next += CrashRecords.GroupSize;
    }
}

static void Write(KithTransaction transaction, long number)
{
    var step = new SqliteStateStore(transaction);
    step.Write(CrashRecords.RecordKind, CrashRecords.Key(number), CrashRecords.Content(number));
    step.Write(CrashRecords.CounterKind, [], CrashRecords.Key(number));
}
