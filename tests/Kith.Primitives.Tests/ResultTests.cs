using Kith.Primitives.Errors;

namespace Kith.Primitives.Tests;

public class ResultTests
{
    private static readonly KithError Bad = KithError.Reject("test.bad", "Bad input.");

    [Fact]
    public void Ok_result_holds_its_value()
    {
        Result<int> result = 7;
        Assert.True(result.IsOk);
        Assert.Equal(7, result.Value);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Failed_result_holds_its_error_and_refuses_to_give_a_value()
    {
        Result<int> result = Bad;
        Assert.False(result.IsOk);
        Assert.Same(Bad, result.Error);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Map_passes_errors_through()
    {
        Result<int> failed = Bad;
        Assert.Same(Bad, failed.Map(x => x + 1).Error);
        Assert.Equal(8, Result<int>.Ok(7).Map(x => x + 1).Value);
    }

    [Fact]
    public void Error_text_names_code_scope_and_retryability()
    {
        var error = new KithError("store.busy", ErrorScope.Local, true, "The store is busy.");
        Assert.Equal("store.busy (Local, retryable): The store is busy.", error.ToString());
    }
}
