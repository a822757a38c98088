using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Hosting;

/// <summary>Logging:Format=json switches the console to one JSON object per line; the default stays text.</summary>
public sealed class JsonLogFormatTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private Dictionary<string, string?> Settings(string? format)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Mode"] = "Devnet",
            ["Identity:DevIdentities:ch-issuer:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
            ["Identity:DevIdentities:ch-issuer:Role"] = "IssuingOfficer",
            ["Stores:CheckpointDirectory"] = _directory.File("checkpoints"),
        };
        if (format is not null)
            settings["Logging:Format"] = format;
        return settings;
    }

    [Fact]
    public async Task Json_format_puts_a_json_console_logger_in_place()
    {
        await using var host = await GatewayHost.StartAsync(Settings("json"), inProcess: true);

        Assert.Contains(host.Services.GetServices<ILoggerProvider>(), p => p is ConsoleLoggerProvider);
        Assert.Equal(ConsoleFormatterNames.Json, host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Fact]
    public async Task Without_the_setting_no_json_console_is_added()
    {
        await using var host = await GatewayHost.StartAsync(Settings(null), inProcess: true);

        Assert.DoesNotContain(host.Services.GetServices<ILoggerProvider>(), p => p is ConsoleLoggerProvider);
    }
}
