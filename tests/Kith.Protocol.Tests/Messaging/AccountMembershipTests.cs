using Kith.Primitives.Ids;
using Kith.Protocol.Messaging;

namespace Kith.Protocol.Tests.Messaging;

public class AccountMembershipTests
{
    [Fact]
    public void A_one_to_one_admits_both_accounts_devices_and_a_revoked_device_only_before_its_revocation()
    {
        var world = new MessagingWorld(50);
        ConversationId c = world.OneToOne;
        long revokedAt = world.Bob.Revoke(world.B1, world.B2).CreatedAtUnixMs;
        AccountMembership membership = world.MembershipOf(c);

        Assert.Equal(new[] { world.A1.Id, world.A2.Id, world.B1.Id }.Order(), membership.Devices);
        Assert.True(membership.IsMember(c, world.A2.Id, revokedAt + 1));
        Assert.True(membership.IsMember(c, world.B2.Id, revokedAt - 1));
        Assert.False(membership.IsMember(c, world.B2.Id, revokedAt));
        Assert.False(membership.IsMember(world.Alice.Own, world.A1.Id, 0));
        Assert.False(membership.IsMember(c, world.NewDevice().Id, 0));
    }

    [Fact]
    public void The_own_log_admits_only_the_own_devices()
    {
        var world = new MessagingWorld(51);
        AccountMembership own = world.MembershipOf(world.Alice.Own);

        Assert.True(own.IsMember(world.Alice.Own, world.A2.Id, world.Now));
        Assert.False(own.IsMember(world.Alice.Own, world.B1.Id, world.Now));
        Assert.Equal(MessagingErrors.NotMember, world.B1.Replica(world.Alice.Own).Send(new Wire.Messaging.TextContent("x"), world.Now, world.Random).Error);
    }
}
