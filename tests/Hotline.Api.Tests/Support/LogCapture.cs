using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hotline.Api.Tests.Support;

/// <summary>Keeps every log entry written through it, so a test can assert what was logged and that nothing failed.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, int EventId, string Category, string Message)> Entries { get; } = new();

    public IEnumerable<int> EventIds(LogLevel atLeast) => Entries.Where(e => e.Level >= atLeast).Select(e => e.EventId);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                capture.Entries.Enqueue((logLevel, eventId.Id, category, formatter(state, exception)));
            }
        }
    }
}
