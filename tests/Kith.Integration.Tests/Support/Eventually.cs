namespace Kith.Integration.Tests.Support;

/// <summary>
/// Waits for a condition by polling the node's API: real processes over real Tor, so the waits are in real time, but
/// each one is bounded by a generous failure timeout and never a fixed sleep standing in for an assertion.
/// </summary>
internal static class Eventually
{
    /// <summary>How long a condition may take over the private Tor network before it counts as a failure.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static async Task<T> UntilAsync<T>(string what, Func<CancellationToken, Task<T>> probe, Func<T, bool> done,
        CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(patience ?? Patience);
        T last = default!;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await probe(timeout.Token);
                lastError = null;
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !timeout.IsCancellationRequested))
            {
                lastError = e;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Not within {(patience ?? Patience).TotalSeconds} s: {what}. Last seen: {lastError?.Message ?? Describe(last)}");
            }

            try
            {
                await Task.Delay(Interval, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "nothing",
        System.Collections.IEnumerable items and not string => string.Join(", ", items.Cast<object>()),
        _ => value.ToString() ?? "",
    };
}
