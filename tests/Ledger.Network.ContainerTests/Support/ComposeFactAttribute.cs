using Ledger.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ledger.Network.ContainerTests.Support;

/// <summary>A fact that needs Debian's docker-compose (no engine: it only reads compose files); reported skipped with the reason where it is missing.</summary>
[XunitTestCaseDiscoverer("Ledger.Network.ContainerTests.Support.ComposeFactDiscoverer", "Ledger.Network.ContainerTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ComposeFactAttribute : FactAttribute
{
    /// <summary>Why the test cannot run here, or null when docker-compose and python3 are on PATH.</summary>
    public static string? SkipReason =>
        OnPath("docker-compose") && OnPath("python3") ? null : "docker-compose or python3 is not on PATH: ./scripts/test.sh installs Debian's docker-compose (apt-get install docker-compose).";

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, program)));
}

/// <summary>Discovers <see cref="ComposeFactAttribute"/> tests, skipping them with the reason where docker-compose is missing.</summary>
public sealed class ComposeFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ComposeFactAttribute.SkipReason is { } reason
            ? new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
}
