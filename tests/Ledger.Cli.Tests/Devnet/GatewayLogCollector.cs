using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ledger.Cli.Tests.Devnet;

/// <summary>Keeps every devnet gateway's log lines in memory, by authority id, so tests can read the audit trail.</summary>
public sealed class GatewayLogCollector
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Category, LogLevel Level, string Message)>> _lines = new(StringComparer.Ordinal);

    /// <summary>Adds the collector to the logging of <paramref name="authorityId"/>'s gateway.</summary>
    public void AddTo(string authorityId, ILoggingBuilder logging) =>
        logging.AddProvider(new Provider(_lines.GetOrAdd(authorityId, _ => new())));

    /// <summary>The lines of <paramref name="authorityId"/>'s gateway so far, in the category <paramref name="category"/>.</summary>
    public IReadOnlyList<(LogLevel Level, string Message)> Lines(string authorityId, string category) =>
        _lines.TryGetValue(authorityId, out var lines)
            ? lines.Where(line => line.Category == category).Select(line => (line.Level, line.Message)).ToArray()
            : [];

    private sealed class Provider(ConcurrentQueue<(string, LogLevel, string)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class Collector(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                lines.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
