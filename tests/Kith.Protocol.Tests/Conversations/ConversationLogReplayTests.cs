using Kith.Primitives;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Protocol.Sync;
using Kith.Wire.Conversations;
using Kith.Wire.Sync;

namespace Kith.Protocol.Tests.Conversations;

/// <summary>
/// <see cref="ConversationLog.Replay"/>: reopening a log from its stored events checks them as a received sync batch
/// is checked (amortised signatures), so it costs one verification per signing key and chunk, and it reopens exactly
/// what the log had accepted, however that arrived.
/// </summary>
public sealed class ConversationLogReplayTests
{
    private const long Now = ConversationFixture.Epoch + 60_000;

    [Fact]
    public void A_devices_run_costs_one_verification_per_chunk_not_one_per_event()
    {
        var fixture = new ConversationFixture(950);
        long clock = ConversationFixture.Epoch;
        List<ConversationEvent> stored = fixture.Chain(0, Limits.ReplayChunkEvents + 1, ref clock);
        var scheduler = new CountingScheduler();
        ConversationLog reopened = fixture.NewLog();

        IReadOnlyList<ConversationEvent> accepted = reopened.Replay(stored, scheduler.ForEach);

        Assert.Equal(2, scheduler.Verifications);
        Assert.Equal(stored.Select(e => e.Id), accepted.Select(e => e.Id));
        Assert.Equal(stored.Select(e => e.Id), reopened.Order());
    }

    [Fact]
    public void Several_authors_with_a_forged_copy_and_a_non_member_reopen_as_adding_one_by_one_would()
    {
        var fixture = new ConversationFixture(951);
        long clock = ConversationFixture.Epoch;
        List<ConversationEvent> first = fixture.Chain(0, 20, ref clock);
        List<ConversationEvent> second = fixture.Chain(1, 20, ref clock);
        ConversationEvent forged = VerifiedEventTests.Forged(first[5]);
        ConversationEvent stranger = fixture.Write(fixture.NewDevice(), [], clock++);
        List<ConversationEvent> stored = [.. first.Zip(second).SelectMany(pair => new[] { pair.First, pair.Second }), forged, stranger];
        ConversationLog oneByOne = fixture.NewLog(), replayed = fixture.NewLog();
        List<EventId> acceptedOneByOne = [.. stored.Where(e => oneByOne.Add(e, Now) is { IsOk: true, Value.Outcome: EventAddOutcome.Accepted }).Select(e => e.Id)];

        IReadOnlyList<ConversationEvent> accepted = replayed.Replay(stored);

        Assert.Equal(acceptedOneByOne, accepted.Select(e => e.Id));
        Assert.Equal(40, replayed.Count);
        Assert.Equal(LogSnapshot.Of(oneByOne), LogSnapshot.Of(replayed));
    }

    [Fact]
    public void An_event_a_sync_batch_accepted_through_its_authors_later_signature_is_still_there_after_reopening()
    {
        // Member 0 broke its own event's signature and then signed an event on it: a sync batch accepts both (the
        // later signature covers the earlier bytes), and the store keeps them in that order. Offered one by one, as
        // reopening did before, the first was refused and the second waited for it for ever.
        var fixture = new ConversationFixture(952);
        ConversationEvent misSigned = VerifiedEventTests.Forged(fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch));
        ConversationEvent cover = fixture.Write(fixture.Members[0], [misSigned.Id], ConversationFixture.Epoch + 1);
        ConversationLog received = fixture.NewLog();
        var batch = new SyncEvents(fixture.Conversation, [misSigned.ToBytes(), cover.ToBytes()]);
        Assert.Empty(new SyncSession(received).ReceiveChecked(CheckedSyncEvents.Check(batch), Now).Value.Refused);
        Assert.Equal(2, received.Count);

        ConversationLog reopened = fixture.NewLog();
        IReadOnlyList<ConversationEvent> accepted = reopened.Replay([misSigned, cover]);

        Assert.Equal([misSigned.Id, cover.Id], accepted.Select(e => e.Id));
        Assert.Equal(LogSnapshot.Of(received), LogSnapshot.Of(reopened));
    }
}
