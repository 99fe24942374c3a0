namespace Kith.Api.Status;

/// <summary>Tor's bootstrap as tor reports it (control-spec <c>status/bootstrap-phase</c>).</summary>
/// <param name="Progress">Percent, 0 to 100.</param>
/// <param name="Phase">Tor's tag for the current phase, e.g. <c>conn_done</c> or <c>done</c>.</param>
/// <param name="Problem">A sentence when tor failed or warned; null while all is well.</param>
public sealed record TorStatus(int Progress, string Phase, string? Problem)
{
    /// <summary>Whether tor finished bootstrapping.</summary>
    public bool Done => Progress >= 100;
}
