#:project ../src/Kith.Protocol/Kith.Protocol.csproj
// Writes the structured seed corpora of the fuzz targets that need valid protocol messages:
//   dotnet run fuzz/make-seeds.cs -- fuzz/corpus
using Kith.Crypto;
using Kith.Protocol.Noise;
using Kith.Protocol.Pqxdh;
using Kith.Protocol.Prekeys;

string root = args[0];
void Write(string target, string name, byte[] bytes)
{
    Directory.CreateDirectory(Path.Combine(root, target));
    File.WriteAllBytes(Path.Combine(root, target, name), bytes);
}

var random = new SeededRandomSource(42);
// noise-handshake: a real XX first message (any ephemeral), and an IK first message to the fuzz responder's key.
using (var xx = HandshakeState.Initialize(HandshakePattern.XX, NoiseRole.Initiator, "kith-fuzz"u8, random, X25519KeyPair.Generate(random)))
{
    Write("noise-handshake", "xx-message-1", xx.WriteMessage("hello"u8).Value.Message);
}
var responderStatic = X25519KeyPair.Generate(new SeededRandomSource(1));
using (var ik = HandshakeState.Initialize(HandshakePattern.IK, NoiseRole.Initiator, "kith-fuzz"u8, random, X25519KeyPair.Generate(random), responderStatic.PublicKey))
{
    Write("noise-handshake", "ik-message-1", ik.WriteMessage([]).Value.Message);
}
Write("noise-handshake", "empty", []);

// prekey-bundle: published prekeys with and without one-time keys.
var identity = Ed25519SigningKey.Generate(random);
var full = DevicePrekeySecrets.Generate(identity, random, 2, 1);
Write("prekey-bundle", "with-one-time-keys", full.Published.ToBytes());
Write("prekey-bundle", "last-resort-only", DevicePrekeySecrets.Generate(identity, random, 0, 0).Published.ToBytes());

// pqxdh-initial-message: an initial message to the fuzz target's responder (same seed as the target).
var r3 = new SeededRandomSource(3);
var responder = DevicePrekeySecrets.Generate(Ed25519SigningKey.Generate(r3), r3, 2, 1);
var alice = DevicePrekeySecrets.Generate(Ed25519SigningKey.Generate(random), random, 0, 0);
var bundle = PrekeyBundle.Select(responder.Published.Device, responder.Published).Value;
using (var init = PqxdhInitiator.Initiate(alice, bundle, random).Value)
{
    Write("pqxdh-initial-message", "with-one-time-prekey", init.CreateMessage([1, 2, 3]).ToBytes());
}
var lastResort = PrekeyBundle.Select(responder.Published.Device, responder.Published, null, null).Value;
using (var init = PqxdhInitiator.Initiate(alice, lastResort, random).Value)
{
    Write("pqxdh-initial-message", "last-resort", init.CreateMessage([]).ToBytes());
}
Console.WriteLine("seeds written");

// ratchet-message: messages from the fuzz target's Alice (seed 4) to its Bob, current chain and a new ratchet step.
var r4 = new SeededRandomSource(4);
using (var sharedSecret = SecretBytes.Random(32, r4))
using (var bobRatchetKey = X25519KeyPair.Generate(r4))
{
    byte[] associatedData = new byte[64];
    using var ratchetAlice = Kith.Protocol.Ratchet.RatchetSession.InitializeInitiator(sharedSecret.Span, associatedData, bobRatchetKey.PublicKey, r4);
    using var ratchetBob = Kith.Protocol.Ratchet.RatchetSession.InitializeResponder(sharedSecret.Span, associatedData, bobRatchetKey.PrivateKey.Span);
    _ = ratchetBob.Decrypt(ratchetAlice.Encrypt("one"u8, r4)).Value;
    _ = ratchetAlice.Decrypt(ratchetBob.Encrypt("two"u8, r4)).Value;
    Write("ratchet-message", "new-ratchet-step", ratchetAlice.Encrypt("three"u8, r4));
    Write("ratchet-message", "same-chain", ratchetAlice.Encrypt("four"u8, r4));
}
Console.WriteLine("ratchet seeds written");

// contact-card: a two-device card (binary and text) and its genesis entry, valid at the target's fixed "now".
const long CardNow = 1_795_000_000_000 - 60_000;
var r5 = new SeededRandomSource(5);
var cardDevices = new[] { Kith.Protocol.Devices.DeviceKeys.Generate(r5, 2, 0), Kith.Protocol.Devices.DeviceKeys.Generate(r5, 0, 0) };
var accountLog = Kith.Protocol.Accounts.AccountLog.Create(Kith.Protocol.Accounts.AccountEntries.Genesis(cardDevices[0].Identity, CardNow, r5)).Value;
_ = accountLog.Add(Kith.Protocol.Accounts.AccountEntries.Add(cardDevices[0].Identity, cardDevices[1].Identity, accountLog.Account, accountLog.Heads, CardNow + 1));
_ = accountLog.Add(Kith.Protocol.Accounts.AccountEntries.Profile(cardDevices[0].Identity, accountLog.Account, accountLog.Heads, CardNow + 2, "Ada"));
var records = cardDevices.Select(d => d.IssueRecord([Kith.Wire.Devices.DeviceTransport.Onion(443)], CardNow + 3)).ToList();
var card = Kith.Protocol.Contacts.ContactCards.Issue(cardDevices[0], accountLog, records, CardNow + 4, 30L * 24 * 60 * 60 * 1000);
Write("contact-card", "two-device-card", card.ToBytes());
Write("contact-card", "two-device-card-text", System.Text.Encoding.UTF8.GetBytes(Kith.Wire.Cards.ContactCardText.ToText(card)));
Write("contact-card", "garbage-text", "KITH-0000 0000 not a card"u8.ToArray());
Console.WriteLine("card seeds written");

// conversation-event: a signed event with two parents, and a sender-key distribution.
var r6 = new SeededRandomSource(6);
byte[] seed6 = new byte[32], chain6 = new byte[32], parent1 = new byte[32], parent2 = new byte[32], conversation6 = new byte[32];
r6.Fill(seed6); r6.Fill(chain6); r6.Fill(parent1); r6.Fill(parent2); r6.Fill(conversation6);
var conversationId = Kith.Primitives.Ids.ConversationId.FromBytes(conversation6);
var conversationEvent = Kith.Protocol.Conversations.ConversationEventSigner.Sign(conversationId,
    cardDevices[0].Device, [Kith.Primitives.Ids.EventId.FromBytes(parent1), Kith.Primitives.Ids.EventId.FromBytes(parent2)],
    CardNow, chain6, 7, "ciphertext"u8, seed6);
Write("conversation-event", "event-two-parents", conversationEvent.ToBytes());
using (var senderChain = Kith.Protocol.SenderKeys.SenderChain.Create(conversationId, DateTimeOffset.FromUnixTimeMilliseconds(CardNow), r6))
using (var distribution = senderChain.CreateDistribution())
{
    Write("conversation-event", "sender-key-distribution", distribution.ToBytes());
}

// sync-message: heads naming the event's parents, a want for the event, a batch carrying it, and range
// reconciliation steps (a fingerprinted range, an id list).
Write("sync-message", "heads-two", new Kith.Wire.Sync.SyncHeads(conversationId, conversationEvent.Parents, 2).Encode());
Write("sync-message", "want-one", new Kith.Wire.Sync.SyncWant(conversationId, [conversationEvent.Id]).Encode());
Write("sync-message", "events-one", new Kith.Wire.Sync.SyncEvents(conversationId, [conversationEvent.ToBytes()]).Encode());
var eventBound = new Kith.Wire.Sync.SyncBound(conversationEvent.TimestampUnixMs, conversationEvent.Id);
Write("sync-message", "ranges-fingerprint", new Kith.Wire.Sync.SyncRanges(conversationId,
    [Kith.Wire.Sync.SyncRange.Fingerprinted(Kith.Wire.Sync.SyncBound.Min, eventBound, new byte[16], 3)]).Encode());
Write("sync-message", "ranges-id-list", new Kith.Wire.Sync.SyncRanges(conversationId,
    [Kith.Wire.Sync.SyncRange.Listed(eventBound, Kith.Wire.Sync.SyncBound.Max, [conversationEvent.Id])]).Encode());

// link-frame: one frame of each kind; the sync frame carries the heads message above.
Write("link-frame", "deliver-small", new Kith.Wire.Delivery.DeliverFrame(Kith.Primitives.Ids.EventId.FromBytes(Enumerable.Repeat((byte)0xA1, 32).ToArray()), 1, "hello"u8).Encode());
Write("link-frame", "ack-two", new Kith.Wire.Delivery.AckFrame([Kith.Primitives.Ids.EventId.FromBytes(Enumerable.Repeat((byte)0xA1, 32).ToArray()), Kith.Primitives.Ids.EventId.FromBytes(Enumerable.Repeat((byte)0xB2, 32).ToArray())]).Encode());
Write("link-frame", "seen-one", new Kith.Wire.Delivery.SeenFrame([Kith.Primitives.Ids.EventId.FromBytes(Enumerable.Repeat((byte)0xB2, 32).ToArray())]).Encode());
Write("link-frame", "sync-heads", new Kith.Wire.Delivery.SyncFrame(new Kith.Wire.Sync.SyncHeads(conversationId, conversationEvent.Parents).Encode()).Encode());

Console.WriteLine("event seeds written");
