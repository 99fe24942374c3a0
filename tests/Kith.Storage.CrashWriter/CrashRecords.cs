using System.Buffers.Binary;
using System.Text;
using Kith.Storage.Database;
using Kith.Storage.Keyring;

namespace Kith.Storage.CrashWriter;

/// <summary>What the crash writer writes, shared with the test that checks it.</summary>
public static class CrashRecords
{
    public const string RecordKind = "crash.record";
    public const string CounterKind = "crash.counter";

    /// <summary>Marks a complete line on stdout: a line cut by the kill has no terminator and is not counted.</summary>
    public const char Terminator = ';';

    /// <summary>Records the writer submits at once through its group committer, after each single-transaction record.</summary>
    public const int GroupSize = 8;

    public static readonly byte[] Passphrase = Encoding.UTF8.GetBytes("crash-writer passphrase");

    /// <summary>Cheap Argon2id costs: the test opens the store about 200 times.</summary>
    public static KithDatabaseOptions Options { get; } = new() { KdfParameters = new PassphraseKdfParameters(1, 64) };

    public static byte[] Key(long number)
    {
        byte[] key = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(key, number);
        return key;
    }

    /// <summary>A record's content, a function of its number; sizes vary (64 to 4,063 bytes) so records span pages.</summary>
    public static byte[] Content(long number)
    {
        byte[] content = new byte[64 + (int)(number * 7919 % 4000)];
        for (int i = 0; i < content.Length; i++)
        {
            content[i] = unchecked((byte)((number * 31) + (i * 7)));
        }

        BinaryPrimitives.WriteInt64BigEndian(content, number);
        return content;
    }
}
