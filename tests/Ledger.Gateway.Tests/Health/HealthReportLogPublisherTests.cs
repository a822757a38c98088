using Ledger.Gateway.Health;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Ledger.Gateway.Tests.Health;

public sealed class HealthReportLogPublisherTests
{
    private static HealthReport Report(HealthStatus status, string description) => new(
        new Dictionary<string, HealthReportEntry>
        {
            ["certificates"] = new(status, description, TimeSpan.Zero, null, null),
        },
        TimeSpan.Zero);

    [Fact]
    public async Task A_report_is_logged_when_it_changes_at_the_level_of_its_status_and_not_repeated()
    {
        var logs = new CollectingLoggerProvider();
        var publisher = new HealthReportLogPublisher(logs.CreateFactory().CreateLogger<HealthReportLogPublisher>());

        await publisher.PublishAsync(Report(HealthStatus.Degraded, "server certificate expires on 2026-05-29"), CancellationToken.None);
        await publisher.PublishAsync(Report(HealthStatus.Degraded, "server certificate expires on 2026-05-29"), CancellationToken.None);
        await publisher.PublishAsync(Report(HealthStatus.Unhealthy, "server certificate expired on 2026-05-29"), CancellationToken.None);
        await publisher.PublishAsync(Report(HealthStatus.Healthy, "renewed"), CancellationToken.None);

        Assert.Collection(logs.Entries,
            e => Assert.True(e.Level == LogLevel.Warning && e.Message.Contains("expires on 2026-05-29")),
            e => Assert.True(e.Level == LogLevel.Error && e.Message.Contains("expired on 2026-05-29")),
            e => Assert.True(e.Level == LogLevel.Information && e.Message.Contains("renewed")));
    }
}
