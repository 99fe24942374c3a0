using Kith.Crypto;
using Kith.Primitives;
using Kith.Primitives.Errors;
using Kith.Protocol.Accounts;
using Kith.Protocol.Devices;
using Kith.Protocol.Linking;
using Kith.Wire.Accounts;
using Kith.Wire.Devices;
using Kith.Wire.Linking;

namespace Kith.Protocol.Tests.Linking;

public class DeviceLinkingTests
{
    private const long T0 = 1_700_000_000_000;
    private static readonly DeviceTransport[] Transports = [DeviceTransport.Onion(443)];

    private sealed class Setup : IDisposable
    {
        public Setup(ulong seed)
        {
            Random = new SeededRandomSource(seed);
            Existing = DeviceKeys.Generate(Random, 0, 0);
            NewDevice = DeviceKeys.Generate(Random, 2, 0);
            Log = AccountLog.Create(AccountEntries.Genesis(Existing.Identity, T0, Random)).Value;
            Linking = NewDeviceLinking.Start(NewDevice, Transports, T0 + 1000, Random);
        }

        public SeededRandomSource Random { get; }

        public DeviceKeys Existing { get; }

        public DeviceKeys NewDevice { get; }

        public AccountLog Log { get; }

        public NewDeviceLinking Linking { get; }

        public UsedLinkCodes Used { get; } = new();

        public Result<ExistingDeviceLinking> Begin(string code, long now) =>
            ExistingDeviceLinking.Begin(code, Existing, Log.Account, Used, now, Random);

        public void Dispose()
        {
            Linking.Dispose();
            Existing.Dispose();
            NewDevice.Dispose();
        }
    }

    /// <summary>Sends a message through its encoding, as the network would.</summary>
    private static T Wire<T>(T message, Func<byte[], Result<T>> decode, Func<T, byte[]> encode) => decode(encode(message)).Value;

    [Fact]
    public void Both_devices_show_the_same_confirmation_code_and_the_new_device_joins_the_account()
    {
        using var s = new Setup(1);
        long now = T0 + 60_000;
        using ExistingDeviceLinking existing = s.Begin(s.Linking.Code.ToQrPayload(), now).Value;
        LinkRequest request = Wire(existing.Request, b => LinkRequest.Decode(b), m => m.ToBytes());
        LinkResponse response = Wire(s.Linking.Receive(request, now, s.Random).Value, b => LinkResponse.Decode(b), m => m.ToBytes());
        LinkReveal reveal = Wire(existing.Receive(response).Value, b => LinkReveal.Decode(b), m => m.ToBytes());
        string shownOnNew = s.Linking.Receive(reveal).Value;
        Assert.Equal(existing.ConfirmationCode, shownOnNew);
        Assert.Matches("^[0-9]{6}$", shownOnNew);

        LinkProposal proposal = Wire(existing.Confirm(s.Log, now).Value, b => LinkProposal.Decode(b), m => m.ToBytes());
        Assert.Equal(LinkErrors.NotConfirmed, s.Linking.Receive(proposal).Error);
        Assert.True(s.Linking.Confirm().IsOk);
        LinkAcceptance acceptance = Wire(s.Linking.Receive(proposal).Value, b => LinkAcceptance.Decode(b), m => m.ToBytes());
        Assert.Equal(AccountErrors.MissingCoSignature, existing.Receive(new LinkAcceptance(new byte[64]), s.Log).Error);
        Assert.Equal(1, s.Log.Count);
        AccountEntry entry = existing.Receive(acceptance, s.Log).Value;

        Assert.Equal(AccountEntryKind.AddDevice, entry.Kind);
        Assert.True(s.Log.Current().IsMember(s.NewDevice.Device));
        Assert.Equal(s.Log.Account, s.Linking.Account);
        Assert.True(DeviceRecords.Verify(existing.NewDevice!).IsOk);
    }

    [Fact]
    public void A_mistyped_code_fails_and_is_not_remembered()
    {
        using var s = new Setup(2);
        string text = s.Linking.Code.ToText();
        char[] typo = text.ToCharArray();
        typo[20] = typo[20] == 'A' ? 'B' : 'A';
        Assert.Equal(LinkErrors.BadCode, s.Begin(new string(typo), T0 + 2000).Error);
        Assert.Equal(LinkErrors.BadCode, s.Begin("KITH-123", T0 + 2000).Error);
        Assert.True(s.Begin(text.ToLowerInvariant().Insert(30, "\n "), T0 + 2000).IsOk);
    }

    [Fact]
    public void A_code_for_another_new_device_is_refused_by_this_one_which_stays_usable()
    {
        using var s = new Setup(3);
        using var other = NewDeviceLinking.Start(s.NewDevice, Transports, T0 + 1000, s.Random);
        using ExistingDeviceLinking wrong = s.Begin(other.Code.ToText(), T0 + 2000).Value;
        Assert.Equal(LinkErrors.WrongCode, s.Linking.Receive(wrong.Request, T0 + 2000, s.Random).Error);
        using ExistingDeviceLinking right = s.Begin(s.Linking.Code.ToText(), T0 + 3000).Value;
        Assert.True(s.Linking.Receive(right.Request, T0 + 3000, s.Random).IsOk);
    }

    [Fact]
    public void An_expired_code_fails_on_both_devices()
    {
        using var s = new Setup(4);
        long expiry = s.Linking.Code.ExpiresAtUnixMs;
        Assert.Equal(T0 + 1000 + Limits.LinkCodeLifetimeMs, expiry);
        Assert.Equal(LinkErrors.Expired, s.Begin(s.Linking.Code.ToText(), expiry).Error);
        using ExistingDeviceLinking early = s.Begin(s.Linking.Code.ToText(), expiry - 1).Value;
        Assert.Equal(LinkErrors.Expired, s.Linking.Receive(early.Request, expiry, s.Random).Error);
    }

    [Fact]
    public void A_reused_code_fails_on_both_devices()
    {
        using var s = new Setup(5);
        string code = s.Linking.Code.ToText();
        using ExistingDeviceLinking first = s.Begin(code, T0 + 2000).Value;
        Assert.Equal(LinkErrors.Reused, s.Begin(code, T0 + 3000).Error);
        Assert.True(s.Linking.Receive(first.Request, T0 + 2000, s.Random).IsOk);
        var elsewhere = new UsedLinkCodes();
        using ExistingDeviceLinking second = ExistingDeviceLinking.Begin(code, s.Existing, s.Log.Account, elsewhere, T0 + 3000, s.Random).Value;
        Assert.Equal(LinkErrors.Reused, s.Linking.Receive(second.Request, T0 + 3000, s.Random).Error);
    }

    [Fact]
    public void A_changed_nonce_after_the_commitment_is_detected()
    {
        using var s = new Setup(6);
        using ExistingDeviceLinking existing = s.Begin(s.Linking.Code.ToText(), T0 + 2000).Value;
        LinkResponse response = s.Linking.Receive(existing.Request, T0 + 2000, s.Random).Value;
        LinkReveal reveal = existing.Receive(response).Value;
        byte[] other = (byte[])reveal.Nonce.Clone();
        other[0] ^= 1;
        Assert.Equal(LinkErrors.CommitmentMismatch, s.Linking.Receive(new LinkReveal(other)).Error);
        Assert.Null(s.Linking.ConfirmationCode);
        Assert.True(s.Linking.Receive(reveal).IsOk);
    }

    [Fact]
    public void A_device_that_saw_the_code_but_does_not_hold_its_onion_key_is_refused()
    {
        using var s = new Setup(7);
        using var thief = DeviceKeys.Generate(s.Random, 0, 0);
        // The thief photographed the code, so it knows the secret, and answers with its own signed record.
        var stolen = new LinkCode(thief.OnionPublicKey.ToArray(), thief.Prekeys.Published.IdentityDhKey.ToArray(), s.Linking.Code.Secret.Clone(),
            s.Linking.Code.ExpiresAtUnixMs);
        using ExistingDeviceLinking existing = s.Begin(s.Linking.Code.ToText(), T0 + 2000).Value;
        LinkResponse genuine = s.Linking.Receive(existing.Request, T0 + 2000, s.Random).Value;
        DeviceRecord thiefRecord = thief.IssueRecord(Transports, T0 + 2000);
        var forged = new LinkResponse(thiefRecord, genuine.Nonce, []);
        byte[] mac = MacAs(stolen, existing.Request, forged);
        Assert.Equal(LinkErrors.WrongDevice, existing.Receive(forged with { Mac = mac }).Error);

        // Claiming the genuine onion key fails too: the onion key's signature vouches for the genuine device only.
        DeviceRecord real = genuine.Record;
        byte[] signature = thief.Identity.Sign(DeviceRecord.SignedPayload(thief.Device, real.OnionKey, real.OnionSignature, T0 + 2000, Transports));
        var claimed = new LinkResponse(new DeviceRecord(thief.Device, real.OnionKey, real.OnionSignature, T0 + 2000, Transports, signature, null), genuine.Nonce, []);
        Assert.Equal(LinkErrors.WrongDevice, existing.Receive(claimed with { Mac = MacAs(stolen, existing.Request, claimed) }).Error);
        Assert.Null(existing.ConfirmationCode);
        Assert.True(existing.Receive(genuine).IsOk);
        stolen.Dispose();
    }

    [Fact]
    public void A_proposal_for_another_device_or_account_is_not_co_signed()
    {
        using var s = new Setup(8);
        using ExistingDeviceLinking existing = s.Begin(s.Linking.Code.ToText(), T0 + 2000).Value;
        LinkReveal reveal = existing.Receive(s.Linking.Receive(existing.Request, T0 + 2000, s.Random).Value).Value;
        s.Linking.Receive(reveal);
        s.Linking.Confirm();
        using var someoneElse = DeviceKeys.Generate(s.Random, 0, 0);
        byte[] wrong = AccountEntries.ProposeAdd(s.Existing.Device, s.Log.Account, s.Log.Heads, T0 + 3000, someoneElse.Device);
        Assert.Equal(LinkErrors.BadProposal, s.Linking.Receive(new LinkProposal(wrong, AccountEntries.SignAsAuthor(s.Existing.Identity, wrong))).Error);
        Assert.Equal(1, s.Log.Count);
    }

    [Fact]
    public void The_code_carries_the_static_key_and_in_direct_mode_the_endpoint()
    {
        using var s = new Setup(10);
        using LinkCode parsed = LinkCode.TryParse(s.Linking.Code.ToText())!;
        Assert.Equal(s.NewDevice.Prekeys.Published.IdentityDhKey, parsed.StaticKey);
        Assert.Null(parsed.Direct);
        using var direct = NewDeviceLinking.Start(s.NewDevice, Transports, T0, s.Random, DeviceTransport.DirectTcp("127.0.0.1", 40123));
        using LinkCode withEndpoint = LinkCode.TryParse(direct.Code.ToQrPayload())!;
        Assert.Equal(DeviceTransport.DirectTcp("127.0.0.1", 40123), withEndpoint.Direct);
        Assert.Null(LinkCode.TryParse(direct.Code.ToText()[..^1]));
    }

    [Fact]
    public void The_link_code_never_prints_its_secret()
    {
        using var s = new Setup(9);
        Assert.DoesNotContain(Convert.ToHexString(s.Linking.Code.Secret.Span), s.Linking.Code.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("redacted", s.Linking.Code.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The response MAC an attacker holding the code's secret can compute (mirrors LinkTranscript).</summary>
    private static byte[] MacAs(LinkCode code, LinkRequest request, LinkResponse response)
    {
        var key = new byte[32];
        Blake2b.Hash("Kith v1 link MAC key"u8, key, code.Secret.Span);
        var data = new Kith.Wire.WireWriter(2600).Bytes("Kith v1 link response"u8).Bytes(request.ToBytes()).Bytes(response.Unauthenticated());
        var mac = new byte[32];
        Blake2b.Hash(data.WrittenSpan, mac, key);
        return mac;
    }
}
