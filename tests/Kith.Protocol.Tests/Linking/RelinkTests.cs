using Kith.Crypto;
using Kith.Protocol.Accounts;
using Kith.Protocol.Devices;
using Kith.Protocol.Linking;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Kith.Wire.Linking;

namespace Kith.Protocol.Tests.Linking;

/// <summary>
/// Linking a device the account already lists (the first link dropped after the add-device entry was published,
/// before the copies arrived): the second run co-signs the earlier entry again and the log does not grow.
/// </summary>
public sealed class RelinkTests : IDisposable
{
    private const long T0 = 1_700_000_000_000;
    private static readonly DeviceTransport[] Transports = [DeviceTransport.Onion(443)];
    private readonly SeededRandomSource _random = new(40);
    private readonly DeviceKeys _existing;
    private readonly DeviceKeys _newDevice;
    private readonly AccountLog _log;
    private readonly UsedLinkCodes _used = new();

    public RelinkTests()
    {
        _existing = DeviceKeys.Generate(_random, 0, 0);
        _newDevice = DeviceKeys.Generate(_random, 2, 0);
        _log = AccountLog.Create(AccountEntries.Genesis(_existing.Identity, T0, _random)).Value;
    }

    [Fact]
    public void Linking_a_listed_device_again_co_signs_the_earlier_entry_and_adds_nothing()
    {
        (ExistingDeviceLinking first, LinkAcceptance firstAcceptance) = RunUntilAcceptance(_existing, T0 + 1_000);
        AccountEntry added = first.Receive(firstAcceptance, _log).Value;
        Assert.False(first.IsRelink);
        int entries = _log.Count;

        (ExistingDeviceLinking second, LinkAcceptance secondAcceptance) = RunUntilAcceptance(_existing, T0 + 60_000);
        Assert.True(second.IsRelink);
        AccountEntry again = second.Receive(secondAcceptance, _log).Value;

        Assert.Equal(added.Id, again.Id);
        Assert.Equal(entries, _log.Count);
        Assert.Single(_log.Entries, entry => entry.Kind == AccountEntryKind.AddDevice && entry.Subject == _newDevice.Device);
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public void A_relink_acceptance_that_is_not_the_earlier_entry_is_refused_and_the_step_stays()
    {
        (ExistingDeviceLinking first, LinkAcceptance acceptance) = RunUntilAcceptance(_existing, T0 + 1_000);
        Assert.True(first.Receive(acceptance, _log).IsOk);
        (ExistingDeviceLinking second, LinkAcceptance good) = RunUntilAcceptance(_existing, T0 + 60_000);

        Assert.Equal(AccountErrors.MissingCoSignature, second.Receive(new LinkAcceptance(new byte[AccountEntry.SignatureSize]), _log).Error);
        Assert.True(second.Receive(good, _log).IsOk);
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public void A_device_added_by_another_member_is_not_proposed_again_and_nothing_changes()
    {
        using DeviceKeys other = DeviceKeys.Generate(_random, 0, 0);
        Assert.True(_log.Add(AccountEntries.Add(_existing.Identity, other.Identity, _log.Account, _log.Heads, T0 + 1)).IsOk);
        Assert.True(_log.Add(AccountEntries.Add(other.Identity, _newDevice.Identity, _log.Account, _log.Heads, T0 + 2)).IsOk);
        int entries = _log.Count;

        using NewDeviceLinking linking = NewDeviceLinking.Start(_newDevice, Transports, T0 + 1_000, _random);
        using ExistingDeviceLinking existing = ExistingDeviceLinking.Begin(linking.Code.ToText(), _existing, _log.Account, _used, T0 + 2_000, _random).Value;
        LinkReveal reveal = existing.Receive(linking.Receive(existing.Request, T0 + 2_000, _random).Value).Value;
        Assert.True(linking.Receive(reveal).IsOk);

        Assert.Equal(LinkErrors.AddedElsewhere, existing.Confirm(_log, T0 + 3_000).Error);
        Assert.False(existing.IsRelink);
        Assert.Equal(entries, _log.Count);
    }

    public void Dispose()
    {
        _existing.Dispose();
        _newDevice.Dispose();
    }

    /// <summary>One run of the protocol with a fresh code on the new device, both persons confirming, up to its co-signature.</summary>
    private (ExistingDeviceLinking Existing, LinkAcceptance Acceptance) RunUntilAcceptance(DeviceKeys existingKeys, long now)
    {
        using NewDeviceLinking linking = NewDeviceLinking.Start(_newDevice, Transports, now, _random);
        ExistingDeviceLinking existing = ExistingDeviceLinking.Begin(linking.Code.ToText(), existingKeys, _log.Account, _used, now, _random).Value;
        LinkReveal reveal = existing.Receive(linking.Receive(existing.Request, now, _random).Value).Value;
        Assert.Equal(existing.ConfirmationCode, linking.Receive(reveal).Value);
        Assert.True(linking.Confirm().IsOk);
        LinkProposal proposal = LinkProposal.Decode(existing.Confirm(_log, now).Value.ToBytes()).Value;
        return (existing, LinkAcceptance.Decode(linking.Receive(proposal).Value.ToBytes()).Value);
    }
}
