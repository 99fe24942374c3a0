using Kith.Protocol.Messaging;

namespace Kith.Protocol.Tests.Messaging;

/// <summary>README, decision 10: two devices that start sessions to each other at once keep talking (Sesame §2).</summary>
public class PairwiseChannelTests
{
    [Fact]
    public void Crossed_session_starts_both_open_and_later_messages_open_on_either_session()
    {
        var world = new MessagingWorld(70);
        PairwiseChannel a = Channel(world, world.A1);
        PairwiseChannel b = Channel(world, world.B1);

        // Both seal before hearing from the other: two sessions, one started by each side.
        byte[] fromA = a.Seal(world.B1.Id, "a1"u8, world.Random).Value;
        byte[] fromB = b.Seal(world.A1.Id, "b1"u8, world.Random).Value;

        Assert.Equal("a1"u8.ToArray(), b.Open(world.A1.Id, fromA).Value);
        Assert.Equal("b1"u8.ToArray(), a.Open(world.B1.Id, fromB).Value);
        Assert.NotNull(world.A1.State.Read(PairwiseChannel.PreviousSessionKind, [.. world.A1.Id.Span, .. world.B1.Id.Span]).Value);

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(new[] { (byte)i }, b.Open(world.A1.Id, a.Seal(world.B1.Id, [(byte)i], world.Random).Value).Value);
            Assert.Equal(new[] { (byte)(i + 10) }, a.Open(world.B1.Id, b.Seal(world.A1.Id, [(byte)(i + 10)], world.Random).Value).Value);
        }
    }

    [Fact]
    public void A_session_start_opened_twice_is_refused_as_a_replay_and_changes_nothing()
    {
        var world = new MessagingWorld(71);
        PairwiseChannel a = Channel(world, world.A1);
        PairwiseChannel b = Channel(world, world.B1);
        byte[] sealedPart = a.Seal(world.B1.Id, "once"u8, world.Random).Value;
        Assert.True(b.Open(world.A1.Id, sealedPart).IsOk);
        byte[] session = world.B1.Sessions.Load(world.B1.Id, world.A1.Id).Value!;

        int stored = world.B1.State.Count;

        // Without a one-time prekey the initial message would set up a second, identical session: refused.
        Assert.Equal(MessagingErrors.ReplayedSessionStart, b.Open(world.A1.Id, sealedPart).Error);
        Assert.Equal(session, world.B1.Sessions.Load(world.B1.Id, world.A1.Id).Value);
        Assert.Equal(stored, world.B1.State.Count);
    }

    private static PairwiseChannel Channel(MessagingWorld world, MessagingWorld.Device device) =>
        new(device.Keys.Prekeys, device.Sessions, device.State, world.PrekeysOf);
}
