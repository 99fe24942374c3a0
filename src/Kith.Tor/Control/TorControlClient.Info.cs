using System.Net;
using Kith.Primitives.Errors;

namespace Kith.Tor.Control;

public sealed partial class TorControlClient
{
    private TorVersion? _version;

    /// <summary>
    /// <c>GETINFO</c> (control-spec §3.9): each key's value, from <c>250-key=value</c> lines or <c>250+key=</c> data
    /// blocks. Keys are the spec's (<c>version</c>, <c>status/bootstrap-phase</c>, <c>net/listeners/socks</c>).
    /// </summary>
    public async Task<Result<IReadOnlyDictionary<string, string>>> GetInfoAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0 || keys.Any(k => k.Length == 0 || k.AsSpan().IndexOfAny(" \r\n") >= 0))
        {
            throw new ArgumentException("GETINFO keys are non-empty words.", nameof(keys));
        }

        var sent = await CommandAsync("GETINFO " + string.Join(' ', keys), "GETINFO", cancellationToken).ConfigureAwait(false);
        if (!sent.TryGet(out var reply, out var error))
        {
            return error;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in reply.Lines)
        {
            if (line.Kind == ControlLineKind.End)
            {
                continue;
            }

            var equals = line.Text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !values.TryAdd(line.Text[..equals], line.Data ?? line.Text[(equals + 1)..]))
            {
                return ControlErrors.UnexpectedReply;
            }
        }

        return keys.All(values.ContainsKey) ? values : ControlErrors.UnexpectedReply;
    }

    /// <summary>Tor's version (<c>GETINFO version</c>), cached after the first answer.</summary>
    public async Task<Result<TorVersion>> GetVersionAsync(CancellationToken cancellationToken)
    {
        if (_version is not null)
        {
            return _version;
        }

        var value = await GetInfoValueAsync("version", cancellationToken).ConfigureAwait(false);
        if (!value.TryGet(out var text, out var error))
        {
            return error;
        }

        if (!TorVersion.TryParse(text, out var version))
        {
            return ControlErrors.UnexpectedReply;
        }

        _version = version;
        return version!;
    }

    /// <summary>Tor's current bootstrap phase (<c>GETINFO status/bootstrap-phase</c>).</summary>
    public async Task<Result<BootstrapStatus>> GetBootstrapStatusAsync(CancellationToken cancellationToken)
    {
        var value = await GetInfoValueAsync("status/bootstrap-phase", cancellationToken).ConfigureAwait(false);
        if (!value.TryGet(out var text, out var error))
        {
            return error;
        }

        var parsed = BootstrapStatus.Parse(text);
        if (!parsed.TryGet(out var status, out error))
        {
            return error;
        }

        return status is null ? ControlErrors.UnexpectedReply : status;
    }

    /// <summary>The SOCKS listeners tor opened (<c>GETINFO net/listeners/socks</c>: quoted <c>"ADDR:PORT"</c> words).</summary>
    public async Task<Result<IReadOnlyList<IPEndPoint>>> GetSocksListenersAsync(CancellationToken cancellationToken)
    {
        var value = await GetInfoValueAsync("net/listeners/socks", cancellationToken).ConfigureAwait(false);
        if (!value.TryGet(out var text, out var error))
        {
            return error;
        }

        var endPoints = new List<IPEndPoint>();
        var rest = text.AsSpan().Trim(' ');
        while (!rest.IsEmpty)
        {
            var quoted = QuotedString.TryUnquote(rest);
            if (!quoted.TryGet(out var word, out error))
            {
                return error;
            }

            // Unix-socket listeners ("unix:/path") are skipped: Kith dials TCP.
            if (IPEndPoint.TryParse(word.Value, out var endPoint))
            {
                endPoints.Add(endPoint);
            }

            rest = rest[word.Consumed..].TrimStart(' ');
        }

        return endPoints;
    }

    /// <summary>
    /// Makes tor exit when this connection closes (control-spec §3.23 <c>TAKEOWNERSHIP</c>), so a crashed node never
    /// leaves its tor behind.
    /// </summary>
    public async Task<Result<Unit>> TakeOwnershipAsync(CancellationToken cancellationToken)
    {
        var sent = await CommandAsync("TAKEOWNERSHIP", "TAKEOWNERSHIP", cancellationToken).ConfigureAwait(false);
        return sent.IsOk ? Result.Ok() : sent.Error;
    }

    /// <summary>
    /// Waits until tor reports <c>PROGRESS=100</c>, passing each phase to <paramref name="progress"/>. Listens to
    /// <c>STATUS_CLIENT</c> events (control-spec §4.1.10) first, then asks once, so no phase falls between the two.
    /// </summary>
    public async Task<Result<BootstrapStatus>> WaitForBootstrapAsync(IProgress<BootstrapStatus>? progress, CancellationToken cancellationToken)
    {
        var subscribed = await SubscribeAsync(["STATUS_CLIENT"], cancellationToken).ConfigureAwait(false);
        if (!subscribed.TryGet(out var subscription, out var error))
        {
            return error;
        }

        await using (subscription.ConfigureAwait(false))
        {
            var current = await GetBootstrapStatusAsync(cancellationToken).ConfigureAwait(false);
            if (!current.TryGet(out var status, out error))
            {
                return error;
            }

            progress?.Report(status);
            while (!status.IsDone)
            {
                var next = await subscription.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (!next.TryGet(out var reply, out error))
                {
                    return error;
                }

                var parsed = BootstrapStatus.Parse(reply.Lines[0].Text);
                if (!parsed.TryGet(out var update, out error))
                {
                    return error;
                }

                if (update is not null)
                {
                    status = update;
                    progress?.Report(status);
                }
            }

            return status;
        }
    }

    private async Task<Result<string>> GetInfoValueAsync(string key, CancellationToken cancellationToken)
    {
        var values = await GetInfoAsync([key], cancellationToken).ConfigureAwait(false);
        return values.TryGet(out var map, out var error) ? map[key] : error;
    }
}
