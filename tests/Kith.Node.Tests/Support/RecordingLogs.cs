using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kith.Node.Tests.Support;

/// <summary>A logger factory that keeps every formatted line, so a test can read what a node logged.</summary>
internal sealed class RecordingLogs : ILoggerFactory
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>The lines logged so far, in order.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Recorder(_lines);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}
