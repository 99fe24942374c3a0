namespace Kith.Crypto.Tests;

public class SmokeTests
{
    [Fact]
    public void Secret_prints_redacted() => Assert.Equal("[redacted]", SecretBytes.CopyFrom([1, 2, 3]).ToString());
}
