using System.Text.Json.Serialization;

namespace Kith.Api.Connection;

/// <summary>
/// How a client reaches the running node: written by the node to <see cref="FileName"/> in the data folder
/// (owner-only, mode 0600) after its listener is bound, and removed when it stops. Whoever can read the file can
/// use the API, exactly as whoever can read the data folder could open the store with the passphrase.
/// </summary>
/// <param name="Port">The node's API port on 127.0.0.1.</param>
/// <param name="Token">The bearer token, fresh at every start (<see cref="ApiAuth"/>).</param>
/// <param name="ProcessId">The node's process id, so a client can tell a stale file from a live node.</param>
public sealed record ApiConnection(int Port, string Token, int ProcessId)
{
    /// <summary>The file's name inside the data folder.</summary>
    public const string FileName = "api.json";

    /// <summary>The API's base address (loopback only).</summary>
    [JsonIgnore]
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Prints the port only: the token is a credential.</summary>
    public override string ToString() => $"ApiConnection(127.0.0.1:{Port}, pid {ProcessId}, token [redacted])";
}
