using System.Net;
using System.Net.Http.Json;
using Kith.Api;
using Kith.Api.Devices;
using Kith.Api.Errors;
using Kith.Crypto;
using Kith.Transport.Handshake;
using Kith.Node.DeviceLinking;
using Kith.Node.Tests.Support;
using Kith.Primitives.Ids;
using Kith.Transport;
using Kith.Transport.Dialing;
using Kith.Transport.Links;
using Kith.Wire.Linking;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Node.Tests.DeviceLinking;

/// <summary>
/// Issue 5, "kith devices link", failures: differing digits, an expired code and a stranger connecting while a
/// code is live each leave both devices as they were (the account log, the device list, the new device unlinked).
/// </summary>
public sealed class LinkRefusalTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Differing_digits_on_either_device_change_nothing_on_either_side(bool typedOnExisting)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using TestNode a1 = await TestNode.StartAsync("Alice", Linking.Options(80, time));
        await using TestNode a2 = await TestNode.StartUnlinkedAsync(Linking.Options(81, time));
        int entries = a1.Host.Device.LoadAccountLog().Count;
        (string code, string digits) = await LinkThroughNodesTests.LinkUntilConfirming(a1, a2);
        string wrong = ((int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        TestNode typing = typedOnExisting ? a1 : a2;
        LinkDeviceRequest request = typedOnExisting ? new LinkDeviceRequest(code, wrong) : new LinkDeviceRequest(null, wrong);
        ApiError refused = await Refused(typing, request);
        Assert.Equal("link.digits_differ", refused.Code);
        await Linking.Until(() => a1.Host.Linking.Progress().State == LinkState.Failed && a2.Host.Linking.Progress().State == LinkState.Failed);

        Assert.Equal(entries, a1.Host.Device.LoadAccountLog().Count);
        Assert.Single((await a1.Http.GetFromJsonAsync(ApiRoutes.Devices, ApiJson.Default.IReadOnlyListDeviceView, Token))!);
        Assert.False(a2.Host.Device.IsLinked);
        Assert.Equal(HttpStatusCode.BadRequest, (await a2.Http.GetAsync(ApiRoutes.Devices, Token)).StatusCode);
    }

    [Fact]
    public async Task An_expired_code_is_refused_with_one_sentence_and_nothing_changes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using TestNode a1 = await TestNode.StartAsync("Alice", Linking.Options(82, time));
        await using TestNode a2 = await TestNode.StartUnlinkedAsync(Linking.Options(83, time));
        string code = (await LinkThroughNodesTests.Post(a2, new LinkDeviceRequest(null))).Code!;
        time.Advance(TimeSpan.FromMilliseconds(Primitives.Limits.LinkCodeLifetimeMs));

        ApiError refused = await Refused(a1, new LinkDeviceRequest(code));
        Assert.Equal("link.expired", refused.Code);
        Assert.Equal(LinkState.Failed, (await LinkThroughNodesTests.Progress(a2)).State);
        Assert.Equal(LinkState.None, (await LinkThroughNodesTests.Progress(a1)).State);
        Assert.Equal("link.bad_code", (await Refused(a1, new LinkDeviceRequest(code[..^2]))).Code);
        Assert.False(a2.Host.Device.IsLinked);
    }

    [Fact]
    public async Task A_stranger_connecting_while_the_code_is_live_cannot_take_over_the_session()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using TestNode a1 = await TestNode.StartAsync("Alice", Linking.Options(84, time));
        await using TestNode a2 = await TestNode.StartUnlinkedAsync(Linking.Options(85, time));
        string code = (await LinkThroughNodesTests.Post(a2, new LinkDeviceRequest(null))).Code!;

        // A silent stranger is admitted as the candidate, then replaced by the next caller.
        var random = new SeededRandomSource(86);
        await using PeerLink silent = await DialAdmitted(a2, code, random, time);
        await using PeerLink guesser = await Dial(code, random, time);
        await Closed(silent);
        // A caller without the code's secret is hung up on; the code stays usable.
        var guess = new LinkRequest(AccountId.FromBytes(Bytes(random)), DeviceId.FromBytes(Bytes(random)), Bytes(random), Bytes(random));
        Assert.True((await guesser.SendAsync(guess.ToBytes(), Token)).IsOk);
        await Closed(guesser);
        Assert.Equal(LinkState.Waiting, (await LinkThroughNodesTests.Progress(a2)).State);

        (_, string digits) = await LinkThroughNodesTests.LinkUntilConfirming(a1, a2, code);
        // Once the code's secret was proved, nobody else is admitted.
        await using PeerLink late = await Dial(code, random, time);
        await Closed(late);
        await LinkThroughNodesTests.Post(a2, new LinkDeviceRequest(null, digits));
        await LinkThroughNodesTests.Post(a1, new LinkDeviceRequest(code, digits));
        await Linking.Until(() => a1.Host.Linking.Progress().State == LinkState.Linked && a2.Host.Device.IsLinked);
        Assert.Equal(a1.Host.Device.Account, a2.Host.Device.Account);
    }

    [Fact]
    public async Task A_caller_that_speaks_before_proving_the_code_is_hung_up_on_and_the_code_stays_usable()
    {
        // E.g. an own device's messenger dialling a device the account lists already (an earlier link dropped before
        // its copies arrived): its first frame is no link request.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using TestNode a1 = await TestNode.StartAsync("Alice", Linking.Options(87, time));
        await using TestNode a2 = await TestNode.StartUnlinkedAsync(Linking.Options(88, time));
        string code = (await LinkThroughNodesTests.Post(a2, new LinkDeviceRequest(null))).Code!;
        var random = new SeededRandomSource(89);
        await using PeerLink early = await Dial(code, random, time);

        Assert.True((await early.SendAsync(new LinkReveal(Bytes(random)).ToBytes(), Token)).IsOk);
        await Closed(early);
        Assert.Equal(LinkState.Waiting, (await LinkThroughNodesTests.Progress(a2)).State);

        (_, string digits) = await LinkThroughNodesTests.LinkUntilConfirming(a1, a2, code);
        await LinkThroughNodesTests.Post(a2, new LinkDeviceRequest(null, digits));
        await LinkThroughNodesTests.Post(a1, new LinkDeviceRequest(code, digits));
        await Linking.Until(() => a1.Host.Linking.Progress().State == LinkState.Linked && a2.Host.Device.IsLinked);
    }

    private static async Task<PeerLink> Dial(string code, IRandomSource random, TimeProvider time) =>
        (await DialAs(X25519KeyPair.Generate(random), code, random, time)).Link;

    /// <summary>
    /// Dials as a stranger and waits until <paramref name="node"/> holds the link too. The node finishes handshakes
    /// concurrently, so a caller is the earlier one only once its link is up there: otherwise the next caller's
    /// handshake may finish first and be the one replaced (seen once in CI, on a loaded machine).
    /// </summary>
    private static async Task<PeerLink> DialAdmitted(TestNode node, string code, IRandomSource random, TimeProvider time)
    {
        (PeerLink link, DeviceId peer) = await DialAs(X25519KeyPair.Generate(random), code, random, time);
        await Linking.Until(() => node.Host.Peers.Manager.LinkTo(peer) is not null);
        return link;
    }

    /// <summary>Dials with <paramref name="key"/>; returns the link and the peer id the node gives it (<see cref="LinkGate.PeerOf"/>).</summary>
    private static async Task<(PeerLink Link, DeviceId Peer)> DialAs(X25519KeyPair key, string code, IRandomSource random, TimeProvider time)
    {
        using LinkCode parsed = LinkCode.TryParse(code)!;
        var stranger = LinkKeys.Create(key, Ed25519SigningKey.Generate(random));
        var dialer = new DirectTcpDialer(stranger, LinkOptions.Create(time, random));
        var address = new PeerAddress(LinkGate.PeerOf(parsed.StaticKey), parsed.StaticKey, LinkKind.DirectTcp, parsed.Direct!.Host, parsed.Direct.Port);
        return ((await dialer.DialAsync(address, Token)).Value, LinkGate.PeerOf(key.PublicKey));
    }

    /// <summary>The node hung up: the next read ends (a link notices its peer's close only by reading).</summary>
    private static async Task Closed(PeerLink link) =>
        Assert.False((await link.ReceiveAsync(Token).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Token)).IsOk);

    private static byte[] Bytes(IRandomSource random)
    {
        var bytes = new byte[32];
        random.Fill(bytes);
        return bytes;
    }

    private static async Task<ApiError> Refused(TestNode node, LinkDeviceRequest request)
    {
        using HttpResponseMessage response = await node.Http.PostAsJsonAsync(ApiRoutes.DeviceLink, request, ApiJson.Default.LinkDeviceRequest, Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(ApiJson.Default.ApiError, Token))!;
    }
}
