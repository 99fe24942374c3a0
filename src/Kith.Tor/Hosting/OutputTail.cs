using System.Text;

namespace Kith.Tor.Hosting;

/// <summary>
/// The last lines a child process wrote, kept for diagnostics in bounded memory: at most <see cref="MaxLines"/> lines
/// of at most <see cref="MaxLineLength"/> characters, however much the process writes.
/// </summary>
internal sealed class OutputTail
{
    public const int MaxLines = 20;
    public const int MaxLineLength = 512;

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    /// <summary>Reads <paramref name="reader"/> to its end.</summary>
    public async Task DrainAsync(TextReader reader)
    {
        var buffer = new char[1024];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (c == '\n')
                {
                    Add(line.ToString());
                    line.Clear();
                }
                else if (line.Length < MaxLineLength && c != '\r')
                {
                    line.Append(c);
                }
            }
        }

        if (line.Length > 0)
        {
            Add(line.ToString());
        }
    }

    /// <summary>The kept lines joined by <c> | </c>.</summary>
    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join(" | ", _lines);
        }
    }

    private void Add(string line)
    {
        lock (_gate)
        {
            if (_lines.Count == MaxLines)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }
}
