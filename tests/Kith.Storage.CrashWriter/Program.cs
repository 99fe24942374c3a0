using System.Buffers.Binary;
using Kith.Primitives.Errors;
using Kith.Storage;
using Kith.Storage.CrashWriter;
using Kith.Storage.Database;
using Kith.Storage.Stores;

// Usage: Kith.Storage.CrashWriter <folder>
// Opens (or creates) the store, then writes numbered records forever, one transaction each, and prints each
// number after its commit returned. The test kills this process at random moments: every printed number
// must then be in the store, intact.
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
    while (true)
    {
        long number = next;
        database.RunInTransaction(transaction =>
        {
            var step = new SqliteStateStore(transaction);
            step.Write(CrashRecords.RecordKind, CrashRecords.Key(number), CrashRecords.Content(number));
            step.Write(CrashRecords.CounterKind, [], CrashRecords.Key(number));
        });
        output.Write($"{number}{CrashRecords.Terminator}\n");
        next++;
    }
}
