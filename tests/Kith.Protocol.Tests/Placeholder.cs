namespace Kith.Protocol.Tests;

// Replaced by the protocol suites as they land.
public class ProtocolAssemblyTests
{
    [Fact]
    public void Protocol_assembly_is_not_cls_compliant_on_purpose() =>
        Assert.NotNull(typeof(Kith.Protocol.ProtocolAssembly).Assembly);
}
