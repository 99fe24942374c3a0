using Kith.Tor.Control;

namespace Kith.Tor.Tests.Control;

public class SmallParsersTests
{
    [Theory]
    [InlineData("0.4.9.11", true)]
    [InlineData("0.4.9.2-alpha", true)]
    [InlineData("0.4.9.3-alpha-dev (git-0123456789abcdef)", true)]
    [InlineData("0.4.10.0", true)]
    [InlineData("0.5.0.1", true)]
    [InlineData("0.4.9.1-alpha", false)]
    [InlineData("0.4.8.16", false)]
    public void Proof_of_work_argument_needs_tor_0_4_9_2(string text, bool supported)
    {
        Assert.True(TorVersion.TryParse(text, out var version));
        Assert.Equal(supported, version!.IsAtLeast(TorVersion.AddOnionProofOfWork));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0.4")]
    [InlineData("a.b.c")]
    [InlineData("0.4.9.1.7")]
    [InlineData("-1.4.9")]
    public void Unparsable_versions_are_refused(string text) => Assert.False(TorVersion.TryParse(text, out _));

    [Fact]
    public void Bootstrap_phase_parses_from_getinfo_and_events()
    {
        var phase = BootstrapStatus.Parse("NOTICE BOOTSTRAP PROGRESS=50 TAG=loading_descriptors SUMMARY=\"Loading relay descriptors\"").Value!;
        Assert.Equal(new BootstrapStatus(50, "loading_descriptors", false), phase);
        var done = BootstrapStatus.Parse("STATUS_CLIENT NOTICE BOOTSTRAP PROGRESS=100 TAG=done SUMMARY=\"Done\"").Value!;
        Assert.True(done.IsDone);
        var warn = BootstrapStatus.Parse("STATUS_CLIENT WARN BOOTSTRAP PROGRESS=5 TAG=conn SUMMARY=\"x\" WARNING=\"refused\" REASON=CONNECTREFUSED COUNT=1 RECOMMENDATION=ignore").Value!;
        Assert.True(warn.Warning);
        Assert.Null(BootstrapStatus.Parse("STATUS_CLIENT NOTICE CIRCUIT_ESTABLISHED").Value);
        Assert.Equal("tor.control.malformed", BootstrapStatus.Parse("NOTICE BOOTSTRAP PROGRESS=101 TAG=x").Error?.Code);
        Assert.Equal("tor.control.malformed", BootstrapStatus.Parse("NOTICE BOOTSTRAP TAG=x").Error?.Code);
    }

    [Fact]
    public void Hs_desc_events_parse_action_address_and_hsdir()
    {
        var reply = new ControlReply([new ControlReplyLine(650, ControlLineKind.End,
            "HS_DESC FAILED abc UNKNOWN $0123~relay0 REASON=UPLOAD_REJECTED")]);
        var e = HsDescEvent.Parse(reply).Value;
        Assert.Equal(("FAILED", "abc", "$0123~relay0", "UPLOAD_REJECTED"), (e.Action, e.Address, e.HsDir, e.Reason));
        var shortOne = new ControlReply([new ControlReplyLine(650, ControlLineKind.End, "HS_DESC UPLOAD abc")]);
        Assert.Equal("tor.control.malformed", HsDescEvent.Parse(shortOne).Error?.Code);
    }

    [Fact]
    public void Upload_tracker_completes_when_every_upload_is_answered()
    {
        static HsDescEvent E(string text) =>
            HsDescEvent.Parse(new ControlReply([new ControlReplyLine(650, ControlLineKind.End, "HS_DESC " + text)])).Value;

        var tracker = new DescriptorUploadTracker("svc");
        Assert.False(tracker.IsComplete);
        tracker.Observe(E("UPLOAD svc UNKNOWN $A~a d1 HSDIR_INDEX=1"));
        tracker.Observe(E("UPLOAD svc UNKNOWN $B~b d1 HSDIR_INDEX=2"));
        tracker.Observe(E("UPLOAD svc UNKNOWN $A~a d2 HSDIR_INDEX=3"));
        tracker.Observe(E("UPLOAD other UNKNOWN $C~c d3 HSDIR_INDEX=4"));
        tracker.Observe(E("UPLOADED svc UNKNOWN $A~a"));
        tracker.Observe(E("UPLOADED svc UNKNOWN $Z~z"));
        tracker.Observe(E("UPLOADED other UNKNOWN $B~b"));
        Assert.False(tracker.IsComplete);
        tracker.Observe(E("FAILED svc UNKNOWN $B~b REASON=UPLOAD_REJECTED"));
        Assert.False(tracker.IsComplete);
        tracker.Observe(E("UPLOADED svc UNKNOWN $A~a"));
        Assert.True(tracker.IsComplete);
        Assert.Equal((3, 2, 1), (tracker.Started, tracker.Uploaded, tracker.Failed));
    }
}
