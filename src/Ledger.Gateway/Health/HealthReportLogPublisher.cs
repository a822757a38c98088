using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ledger.Gateway.Health;

/// <summary>
/// Writes the health report to the log when it changes, so that a Degraded certificate
/// reaches the operator even though gRPC health still answers SERVING. Logging only changes
/// keeps a 30-day warning from flooding the log every period.
/// </summary>
public sealed class HealthReportLogPublisher(ILogger<HealthReportLogPublisher> logger) : IHealthCheckPublisher
{
    private string? _lastSummary;

    /// <inheritdoc />
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var summary = string.Join(" | ", report.Entries.Select(entry => $"{entry.Key}: {entry.Value.Status} {entry.Value.Description}"));
        if (Interlocked.Exchange(ref _lastSummary, summary) == summary)
            return Task.CompletedTask;
        var level = report.Status switch
        {
            HealthStatus.Healthy => LogLevel.Information,
            HealthStatus.Degraded => LogLevel.Warning,
            _ => LogLevel.Error,
        };
        logger.Log(level, "Gateway health is {Status}: {Summary}", report.Status, summary);
        return Task.CompletedTask;
    }
}
