using System.Text.RegularExpressions;

namespace Kith.Testing.Tor;

/// <summary>
/// Polls an authority's consensus until it lists every relay (PRIVATE-TOR.md, "Building it", step 4). Every failed
/// poll is retried until the caller's token ends the wait: an authority that is not listening yet, answers 404, or
/// answers too slowly on a loaded machine is the normal state of a network that is still voting.
/// </summary>
internal static partial class ConsensusPoll
{
    /// <summary>How long one request may take before it is abandoned and asked again.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    public static Uri Url(int dirPort) => new($"http://127.0.0.1:{dirPort}/tor/status-vote/current/consensus-microdesc");

    /// <param name="http">The client (its <see cref="HttpClient.Timeout"/> bounds one request).</param>
    /// <param name="url">The authority's consensus.</param>
    /// <param name="relays">How many relays (authorities included) the consensus must list.</param>
    /// <param name="interval">The pause between polls.</param>
    /// <param name="throwIfDead">Ends the wait early when a tor of the network has exited.</param>
    /// <param name="cancellationToken">The caller's overall failure timeout: the only thing that ends the wait.</param>
    public static async Task WaitAsync(HttpClient http, Uri url, int relays, TimeSpan interval, Action throwIfDead,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            throwIfDead();
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    if (RouterLine().Matches(text).Count >= relays)
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient reports its own Timeout this way (an authority slow to answer at load ~33): poll again
                // rather than failing the network's start; only the caller's token ends the wait.
            }

            await Task.Delay(interval, cancellationToken);
        }
    }

    [GeneratedRegex("^r ", RegexOptions.Multiline)]
    private static partial Regex RouterLine();
}
