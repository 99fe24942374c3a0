namespace Kith.Architecture.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Placeholder() => Assert.True(true);
}
