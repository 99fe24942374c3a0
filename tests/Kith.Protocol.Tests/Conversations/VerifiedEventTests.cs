using System.Reflection;
using Kith.Primitives.Ids;
using Kith.Protocol.Conversations;
using Kith.Wire.Conversations;

namespace Kith.Protocol.Tests.Conversations;

/// <summary>
/// A <see cref="VerifiedEvent"/> is the log's proof that a signature was checked outside it: nothing but a real
/// verification can make one, and every other acceptance rule still applies to it.
/// </summary>
public class VerifiedEventTests
{
    private const long Now = ConversationFixture.Epoch + 60_000;

    /// <summary>The event with one bit of its signature flipped: it decodes, and its signature no longer verifies.</summary>
    internal static ConversationEvent Forged(ConversationEvent valid)
    {
        byte[] bytes = valid.ToBytes();
        bytes[^1] ^= 0x01;
        return ConversationEvent.Decode(bytes).Value;
    }

    [Fact]
    public void Only_verification_makes_one_no_constructor_or_factory_is_reachable_from_outside()
    {
        Type type = typeof(VerifiedEvent);
        Assert.DoesNotContain(type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance),
            c => !c.IsPrivate);
        MethodInfo[] makers = [.. type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.DeclaringType == type)];
        Assert.Equal([nameof(VerifiedEvent.Verify)], makers.Select(m => m.Name));
        Assert.True(type.IsSealed);
        Assert.Null(type.GetProperty(nameof(VerifiedEvent.Event))!.SetMethod);
    }

    [Fact]
    public void A_forged_signature_gets_no_proof_and_the_log_refuses_the_event_unchanged()
    {
        var fixture = new ConversationFixture(700);
        ConversationLog log = fixture.NewLog();
        ConversationEvent forged = Forged(fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch));
        LogSnapshot before = LogSnapshot.Of(log);

        Assert.Equal(ConversationErrors.BadSignature, VerifiedEvent.Verify(forged).Error);
        Assert.Equal(ConversationErrors.BadSignature, log.Add(forged, Now).Error);
        Assert.Equal(before, LogSnapshot.Of(log));
        Assert.False(log.Contains(forged.Id));
    }

    [Fact]
    public void A_verified_event_is_accepted_exactly_as_the_same_event_added_unverified()
    {
        var fixture = new ConversationFixture(701);
        ConversationLog plain = fixture.NewLog(), verified = fixture.NewLog();
        ConversationEvent root = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch);
        ConversationEvent child = fixture.Write(fixture.Members[1], [root.Id], ConversationFixture.Epoch + 5);
        ConversationEvent sibling = fixture.Write(fixture.Members[2], [root.Id], ConversationFixture.Epoch + 5);

        // The child first: it waits for its parent in both logs, and is released by it.
        foreach (ConversationEvent e in new[] { child, root, sibling })
        {
            EventAddResult expected = plain.Add(e, Now).Value;
            EventAddResult actual = verified.AddVerified(VerifiedEvent.Verify(e).Value, Now).Value;
            Assert.Equal(expected.Outcome, actual.Outcome);
            Assert.Equal(expected.Accepted, actual.Accepted);
        }

        Assert.Equal(LogSnapshot.Of(plain), LogSnapshot.Of(verified));
    }

    [Fact]
    public void The_other_rules_still_apply_to_a_verified_event()
    {
        var fixture = new ConversationFixture(702);
        ConversationLog log = fixture.NewLog();
        ConversationEvent root = fixture.Write(fixture.Members[0], [], ConversationFixture.Epoch + 100);
        Assert.True(log.AddVerified(VerifiedEvent.Verify(root).Value, Now).IsOk);
        LogSnapshot before = LogSnapshot.Of(log);

        ConversationEvent outsider = fixture.Write(fixture.NewDevice(), [root.Id], ConversationFixture.Epoch + 200);
        ConversationEvent backDated = fixture.Write(fixture.Members[1], [root.Id], ConversationFixture.Epoch);
        ConversationEvent future = fixture.Write(fixture.Members[1], [root.Id], Now + Primitives.Limits.MaxEventClockSkewMs + 1);
        var otherFixture = new ConversationFixture(703);
        ConversationEvent elsewhere = otherFixture.Write(otherFixture.Members[0], [], ConversationFixture.Epoch);

        Assert.Equal(ConversationErrors.NotMember, log.AddVerified(VerifiedEvent.Verify(outsider).Value, Now).Error);
        Assert.Equal(ConversationErrors.BackDated, log.AddVerified(VerifiedEvent.Verify(backDated).Value, Now).Error);
        Assert.Equal(ConversationErrors.FromTheFuture, log.AddVerified(VerifiedEvent.Verify(future).Value, Now).Error);
        Assert.Equal(ConversationErrors.WrongConversation, log.AddVerified(VerifiedEvent.Verify(elsewhere).Value, Now).Error);
        Assert.Equal(before, LogSnapshot.Of(log));
        Assert.Equal([root.Id], log.Order().ToArray<EventId>());
    }
}
