using CsCheck;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.Sync;
using Kith.Protocol.Tests.Conversations;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Protocol.Tests.Sync;

/// <summary>
/// A batch verified outside the session (<see cref="CheckedSyncEvents"/>, on several threads) has exactly the
/// effects of the same batch received whole, and a forged event in it never gets in.
/// </summary>
public class CheckedSyncEventsTests
{
    private const long Now = SyncSessionTests.Now;

    /// <summary>Runs the body for every index on several threads, as the engine and the benchmark do.</summary>
    private static void OnEveryCore(int count, Action<int> body) => Parallel.For(0, count, body);

    /// <summary>A chain of valid events with, at the given positions, a forged one and bytes that do not decode.</summary>
    private static (SyncEvents Batch, ConversationEvent Forged) MixedBatch(ConversationFixture fixture)
    {
        long clock = ConversationFixture.Epoch;
        var log = fixture.NewLog();
        List<ConversationEvent> valid = SyncSessionTests.Grow(fixture, log, 40, 0, ref clock);
        ConversationEvent forged = VerifiedEventTests.Forged(fixture.Write(fixture.Members[1], [valid[^1].Id], clock));
        List<byte[]> encodings = [.. valid.Select(e => e.ToBytes())];
        encodings.Insert(10, forged.ToBytes());
        encodings.Insert(20, [1, 2, 3]);
        return (new SyncEvents(fixture.Conversation, encodings), forged);
    }

    [Fact]
    public void A_checked_batch_has_the_effects_of_the_same_batch_received_whole()
    {
        var fixture = new ConversationFixture(710);
        (SyncEvents batch, ConversationEvent forged) = MixedBatch(fixture);
        ConversationLog whole = fixture.NewLog(), checkedLog = fixture.NewLog();

        SyncStep expected = new SyncSession(whole).Receive(batch, Now).Value;
        SyncStep actual = new SyncSession(checkedLog).ReceiveChecked(CheckedSyncEvents.Check(batch, OnEveryCore), Now).Value;

        Assert.Equal(expected.Accepted, actual.Accepted);
        Assert.Equal(expected.Refused, actual.Refused);
        Assert.Equal(LogSnapshot.Of(whole), LogSnapshot.Of(checkedLog));
        Assert.Equal(40, checkedLog.Count);
        Assert.Contains(actual.Refused, r => r.Index == 10 && r.Id == forged.Id && r.Error == ConversationErrors.BadSignature);
        Assert.Contains(actual.Refused, r => r.Index == 20 && r.Id is null);
    }

    [Fact]
    public void For_any_batch_of_valid_forged_and_broken_events_and_any_scheduler_the_effects_are_those_of_the_whole_batch()
    {
        Gen.UInt.Sample(seed =>
        {
            var fixture = new ConversationFixture(720 + (ulong)seed);
            var random = new Random(unchecked((int)seed));
            ConversationLog source = fixture.NewLog();
            long clock = ConversationFixture.Epoch;
            List<ConversationEvent> events = [];
            for (int i = 0; i < 48; i++)
            {
                events.AddRange(SyncSessionTests.Grow(fixture, source, 1, random.Next(3), ref clock));
            }

            // Shuffled (children may come first and wait), some forged or cut short, some twice.
            List<byte[]> encodings = [.. events.OrderBy(_ => random.Next()).Select(e => random.Next(8) switch
            {
                0 => VerifiedEventTests.Forged(e).ToBytes(),
                1 => e.ToBytes()[..^random.Next(1, 40)],
                _ => e.ToBytes(),
            })];
            encodings.Insert(random.Next(encodings.Count), encodings[random.Next(encodings.Count)]);
            var batch = new SyncEvents(fixture.Conversation, encodings);
            ConversationLog whole = fixture.NewLog(), checkedLog = fixture.NewLog();
            foreach (ConversationEvent held in events.Take(random.Next(5)))
            {
                Assert.True(whole.Add(held, Now).IsOk);
                Assert.True(checkedLog.Add(held, Now).IsOk);
            }

            bool[] skipped = [.. encodings.Select(_ => random.Next(4) == 0)];
            SyncStep expected = new SyncSession(whole).Receive(batch, Now).Value;
            SyncStep actual = new SyncSession(checkedLog).ReceiveChecked(CheckedSyncEvents.Check(batch, (count, body) =>
                Parallel.For(0, count, i =>
                {
                    if (!skipped[i])
                    {
                        body(i);
                    }
                })), Now).Value;

            Assert.Equal(expected.Accepted, actual.Accepted);
            Assert.Equal(expected.Refused, actual.Refused);
            Assert.Equal(LogSnapshot.Of(whole), LogSnapshot.Of(checkedLog));
        }, iter: 20, threads: 1);
    }

    [Fact]
    public void Indices_the_scheduler_skips_are_left_to_the_log_which_verifies_them_itself()
    {
        var fixture = new ConversationFixture(711);
        (SyncEvents batch, ConversationEvent forged) = MixedBatch(fixture);
        ConversationLog log = fixture.NewLog();

        // A scheduler that runs only the even indices: the odd ones arrive at the log unverified.
        CheckedSyncEvents halfChecked = CheckedSyncEvents.Check(batch, (count, body) =>
        {
            for (int i = 0; i < count; i += 2)
            {
                body(i);
            }
        });
        SyncStep step = new SyncSession(log).ReceiveChecked(halfChecked, Now).Value;

        Assert.Equal(40, log.Count);
        Assert.False(log.Contains(forged.Id));
        Assert.Contains(step.Refused, r => r.Id == forged.Id && r.Error == ConversationErrors.BadSignature);
    }

    [Fact]
    public void A_checked_batch_of_another_conversation_is_refused_changing_nothing()
    {
        var fixture = new ConversationFixture(712);
        (SyncEvents batch, _) = MixedBatch(fixture);
        var other = new ConversationFixture(713);
        ConversationLog log = other.NewLog();

        Assert.Equal(SyncErrors.WrongConversation, new SyncSession(log).ReceiveChecked(CheckedSyncEvents.Check(batch), Now).Error);
        Assert.Equal(0, log.Count);
        Assert.Equal(0, log.PendingCount);
    }

    [Fact]
    public void Replicas_converge_when_every_batch_is_checked_on_several_threads()
    {
        var fixture = new ConversationFixture(714);
        ConversationLog a = fixture.NewLog(), b = fixture.NewLog();
        long clock = ConversationFixture.Epoch;
        SyncSessionTests.Grow(fixture, a, 3000, 0, ref clock);
        SyncSessionTests.Grow(fixture, b, 10, 1, ref clock);
        SyncSession toA = new(a), toB = new(b);

        var queue = new Queue<(bool ToB, byte[] Bytes)>([(true, toA.Start().Encode()), (false, toB.Start().Encode())]);
        while (queue.TryDequeue(out var item))
        {
            SyncSession session = item.ToB ? toB : toA;
            SyncMessage message = SyncMessage.Decode(item.Bytes).Value;
            SyncStep step = (message is SyncEvents batch
                ? session.ReceiveChecked(CheckedSyncEvents.Check(batch, OnEveryCore), Now)
                : session.Receive(message, Now)).Value;
            Assert.Empty(step.Refused);
            foreach (SyncMessage reply in step.Outgoing)
            {
                queue.Enqueue((!item.ToB, reply.Encode()));
            }
        }

        Assert.Equal(3010, b.Count);
        Assert.Equal(a.Order(), b.Order());
        Assert.Equal(b.Heads, a.Heads.ToArray<EventId>());
    }
}
