using System.Text;
using Kith.Crypto;
using Kith.Storage.Database;
using Kith.Storage.Encryption;
using Kith.Storage.Stores;
using Kith.Storage.Tests.Support;

namespace Kith.Storage.Tests.Database;

/// <summary>PROTOCOL.md property 8: no plaintext message, key or name in the database, its WAL or shared memory.</summary>
public sealed class AtRestTests
{
    private const string Message = "CANARY-7f3a-message: meet me at the old mill at nine";
    private const string DisplayName = "Zoë CANARY-name Ålesund";
    private const string KeyText = "CANARY-key-5b2e";

    private const string ProfileName = "CANARY-profile Grace Hopper";

    private static readonly byte[] KeyBytes = Key(31);
    private static readonly Kith.Primitives.Ids.DeviceId SessionLocal = Kith.Primitives.Ids.DeviceId.FromBytes(Key(33));
    private static readonly Kith.Primitives.Ids.DeviceId SessionPeer = Kith.Primitives.Ids.DeviceId.FromBytes(Key(34));

    /// <summary>An account log whose profile entry names <see cref="ProfileName"/>; the contact is named <see cref="DisplayName"/>.</summary>
    private static readonly (Kith.Primitives.Ids.AccountId Account, List<Kith.Wire.Accounts.AccountEntry> Entries) ContactLog =
        ProtocolSamples.AccountLog(32, profiles: 1, name: ProfileName);

    private const string EventText = "CANARY-event-text: the eagle lands on Tuesday";

    /// <summary>Conversation events whose (unencrypted here, sender-chain ciphertext in real use) content is <see cref="EventText"/>.</summary>
    private static readonly EventSamples EventConversation = new(seed: 35);

    private static readonly List<Kith.Wire.Conversations.ConversationEvent> Events =
    [
        EventConversation.Write(0, [], EventSamples.Epoch, EventText),
        EventConversation.Write(1, [], EventSamples.Epoch + 1, EventText + " (again)"),
    ];

    private const string ShownText = "CANARY-shown-message: the key is under the third stone";

    /// <summary>Shown messages (the decrypted store): a canary text, a canary name in UTF-16 and raw key bytes as content.</summary>
    private static readonly Kith.Primitives.Ids.ConversationId MessageConversation = Kith.Primitives.Ids.ConversationId.FromBytes(Key(36));

    private static readonly List<Kith.Protocol.Conversations.ShownMessage> Shown =
    [
        new(Kith.Primitives.Ids.EventId.FromBytes(Key(37)), Kith.Primitives.Ids.DeviceId.FromBytes(Key(38)), EventSamples.Epoch, 0, Encoding.UTF8.GetBytes(ShownText)),
        new(Kith.Primitives.Ids.EventId.FromBytes(Key(39)), Kith.Primitives.Ids.DeviceId.FromBytes(Key(38)), EventSamples.Epoch + 1, 1, Encoding.Unicode.GetBytes(DisplayName)),
        new(Kith.Primitives.Ids.EventId.FromBytes(Key(40)), Kith.Primitives.Ids.DeviceId.FromBytes(Key(41)), EventSamples.Epoch + 2, 2, KeyBytes),
    ];

    private static byte[] Key(ulong seed)
    {
        byte[] key = new byte[32];
        new SeededRandomSource(seed).Fill(key);
        return key;
    }

    /// <summary>Every form a canary could take in the files: UTF-8, UTF-16 both ways, raw key bytes and their halves.</summary>
    private static List<(string Name, byte[] Bytes)> Needles()
    {
        var needles = new List<(string, byte[])>();
        foreach (string text in new[] { Message, DisplayName, KeyText, ProfileName, EventText, ShownText, Encoding.UTF8.GetString(TestStores.Passphrase) })
        {
            needles.Add(($"{text} (UTF-8)", Encoding.UTF8.GetBytes(text)));
            needles.Add(($"{text} (UTF-16LE)", Encoding.Unicode.GetBytes(text)));
            needles.Add(($"{text} (UTF-16BE)", Encoding.BigEndianUnicode.GetBytes(text)));
        }

        needles.Add(("key bytes", KeyBytes));
        needles.Add(("key bytes, first half", KeyBytes[..16]));
        needles.Add(("key bytes, second half", KeyBytes[16..]));
        foreach (var entry in ContactLog.Entries)
        {
            // An entry's signature is random-looking and unique to it: finding it would mean the entry is stored in the clear.
            needles.Add(($"account entry {entry.Kind} signature", entry.Signature));
        }

        needles.Add(("contact account id", ContactLog.Account.ToArray()));
        needles.Add(("event conversation id", EventConversation.Conversation.ToArray()));
        for (int i = 0; i < Events.Count; i++)
        {
            var e = Events[i];
            needles.Add(($"event {i} id", e.Id.ToArray()));
            needles.Add(($"event {i} author", e.Author.ToArray()));
            needles.Add(($"event {i} ciphertext", e.Ciphertext.ToArray()));
            needles.Add(($"event {i} signature", e.Signature.ToArray()));
            needles.Add(($"event {i} chain id", e.ChainId.ToArray()));
            needles.Add(($"event {i} signing key", e.SigningKey.ToArray()));
        }

        needles.Add(("message conversation id", MessageConversation.ToArray()));
        for (int i = 0; i < Shown.Count; i++)
        {
            needles.Add(($"shown message {i} event id", Shown[i].Id.ToArray()));
            needles.Add(($"shown message {i} author", Shown[i].Author.ToArray()));
        }

        needles.Add(("session local device", SessionLocal.ToArray()));
        needles.Add(("session peer device", SessionPeer.ToArray()));
        return needles;
    }

    private static List<string> Scan(string databasePath) =>
        StoreFileScan.Hits(databasePath, Needles(), StoreFileScan.AllSidecars);

    private static void WriteCanaries(KithDatabase database)
    {
        database.RunInTransaction(transaction =>
        {
            var store = new SqliteStateStore(transaction);
            store.Write("message.body", Encoding.UTF8.GetBytes(KeyText), Encoding.UTF8.GetBytes(Message));
            store.Write("contact.name", KeyBytes, Encoding.UTF8.GetBytes(DisplayName));
            store.Write("contact.name-utf16", [1], Encoding.Unicode.GetBytes(DisplayName));
            store.Write("ratchet.root-key", [2], KeyBytes);
            var log = new SqliteAccountLogStore(transaction);
            ContactLog.Entries.ForEach(entry => log.Append(ContactLog.Account, entry));
            new SqliteContactStore(transaction).Put(ProtocolSamples.Contact(ContactLog.Account, DisplayName));
            new SqliteSessionStore(transaction).Save(SessionLocal, SessionPeer, KeyBytes);
            var events = new SqliteEventStore(transaction);
            Events.ForEach(e => events.Append(EventConversation.Conversation, e));
            var messages = new SqliteMessageStore(transaction);
            Shown.ForEach(m => messages.Put(MessageConversation, m));
        });
        var column = new ValueColumn("state", "value");
        Assert.NotEmpty(database.Values.EncryptText(column, [3], Message));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Canaries_written_as_values_and_keys_appear_in_no_file(bool checkpoint)
    {
        using var folder = new TempFolder();
        string path;
        using (KithDatabase database = TestStores.Create(folder, seed: 40))
        {
            path = database.FilePath;
            WriteCanaries(database);
            if (checkpoint)
            {
                database.Checkpoint();
            }
            else
            {
                Assert.True(new FileInfo(path + "-wal").Length > 0, "the WAL should hold the writes");
            }

            Assert.Empty(Scan(path));

            // Read back through the store: the canaries are there, only encrypted.
            Assert.Equal(Encoding.UTF8.GetBytes(Message), new SqliteStateStore(database).Read("message.body", Encoding.UTF8.GetBytes(KeyText)).Value);
            Assert.Equal(KeyBytes, new SqliteSessionStore(database).Load(SessionLocal, SessionPeer).Value);
            Assert.Equal(DisplayName, new SqliteContactStore(database).Find(ContactLog.Account)!.DisplayName);
            Assert.Equal(ContactLog.Entries.Select(e => e.ToBytes()), new SqliteAccountLogStore(database).Load(ContactLog.Account));
            Assert.Equal(Events.Select(e => e.ToBytes()),
                new SqliteEventStore(database).All(EventConversation.Conversation).Value.Select(e => e.ToBytes()));
            Assert.Equal(Shown.Select(m => m.Content.ToArray()),
                new SqliteMessageStore(database).Latest(MessageConversation, 10).Value.Select(m => m.Content.ToArray()));
        }

        Assert.Empty(Scan(path));
    }

    /// <summary>The control: the same scan finds the canaries in an unencrypted WAL database, so an empty scan means something.</summary>
    [Fact]
    public void The_scan_finds_canaries_in_an_unencrypted_database_and_its_wal()
    {
        using var folder = new TempFolder();
        string path = folder.File("plain.db");
        using var raw = TestStores.Raw(path);
        TestStores.Execute(raw, "PRAGMA journal_mode = WAL; CREATE TABLE t (k BLOB, v BLOB)");
        using (var insert = new Microsoft.Data.Sqlite.SqliteCommand("INSERT INTO t VALUES ($k, $v)", raw))
        {
            insert.Parameters.AddWithValue("$k", KeyBytes);
            insert.Parameters.AddWithValue("$v", Encoding.Unicode.GetBytes(DisplayName));
            insert.ExecuteNonQuery();
            insert.Parameters["$k"].Value = ContactLog.Account.ToArray();
            insert.Parameters["$v"].Value = ProtocolSamples.Contact(ContactLog.Account, DisplayName).ToBytes();
            insert.ExecuteNonQuery();
            insert.Parameters["$v"].Value = ContactLog.Entries[1].ToBytes();
            insert.ExecuteNonQuery();
            insert.Parameters["$k"].Value = Events[0].Id.ToArray();
            insert.Parameters["$v"].Value = Events[0].ToBytes();
            insert.ExecuteNonQuery();
            insert.Parameters["$k"].Value = Shown[0].Id.ToArray();
            insert.Parameters["$v"].Value = (byte[])[.. Shown[0].Author.Span, .. Shown[0].Content.Span];
            insert.ExecuteNonQuery();
        }

        List<string> hits = Scan(path);
        Assert.Contains($"{DisplayName} (UTF-8) in plain.db-wal", hits);
        Assert.Contains($"{ProfileName} (UTF-8) in plain.db-wal", hits);
        Assert.Contains("account entry Profile signature in plain.db-wal", hits);
        Assert.Contains("contact account id in plain.db-wal", hits);
        Assert.Contains("key bytes in plain.db-wal", hits);
        Assert.Contains($"{DisplayName} (UTF-16LE) in plain.db-wal", hits);
        foreach (string part in new[] { "id", "author", "ciphertext", "signature", "chain id", "signing key" })
        {
            Assert.Contains($"event 0 {part} in plain.db-wal", hits);
        }

        Assert.Contains($"{EventText} (UTF-8) in plain.db-wal", hits);
        Assert.Contains("event conversation id in plain.db-wal", hits);
        Assert.Contains($"{ShownText} (UTF-8) in plain.db-wal", hits);
        Assert.Contains("shown message 0 event id in plain.db-wal", hits);
        Assert.Contains("shown message 0 author in plain.db-wal", hits);
    }
}
