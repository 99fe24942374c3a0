namespace Kith.Tor.Hosting;

/// <summary>How to run a tor child process.</summary>
public sealed class TorProcessOptions
{
    /// <summary>Creates options for a tor keeping its state in <paramref name="dataDirectory"/> (created 0700 if missing).</summary>
    public TorProcessOptions(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    /// <summary>The tor executable: a path, or a name looked up on <c>PATH</c>.</summary>
    public string TorExecutable { get; init; } = "tor";

    /// <summary>Tor's own <c>DataDirectory</c>; Kith also writes its torrc and port file there.</summary>
    public string DataDirectory { get; }

    /// <summary>The control port on 127.0.0.1; 0 lets tor choose (<c>auto</c>).</summary>
    public int ControlPort { get; init; }

    /// <summary>The SocksPort on 127.0.0.1; 0 lets tor choose (<c>auto</c>).</summary>
    public int SocksPort { get; init; }

    /// <summary>More torrc lines (<c>Keyword value</c>), e.g. a private network's <c>DirAuthority</c> lines.</summary>
    public IReadOnlyList<string> ExtraTorrcLines { get; init; } = [];

    /// <summary>Times tor is restarted after dying unexpectedly before supervision gives up.</summary>
    public int MaxRestarts { get; init; } = 5;

    /// <summary>How long to wait, after asking tor to exit, before killing it.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long tor may take to open its control port before the start counts as failed.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
