using Ledger.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ledger.Network.ContainerTests.Support;

/// <summary>
/// A fact that runs only where a Docker engine answers and chain-config/ has been generated;
/// anywhere else it is reported skipped with the reason (xunit 2 has no dynamic skip, so the
/// discoverer decides), never passed.
/// </summary>
[XunitTestCaseDiscoverer("Ledger.Network.ContainerTests.Support.DockerFactDiscoverer", "Ledger.Network.ContainerTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DockerFactAttribute : FactAttribute
{
    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => DockerEngine.MissingReason ?? RepositoryFiles.MissingChainConfigReason;
}

/// <summary>Discovers <see cref="DockerFactAttribute"/> tests, skipping them with the reason where they cannot run.</summary>
public sealed class DockerFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        DockerFactAttribute.SkipReason is { } reason
            ? new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
}
