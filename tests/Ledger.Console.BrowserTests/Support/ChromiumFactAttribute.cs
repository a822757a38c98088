using Ledger.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ledger.Console.BrowserTests.Support;

/// <summary>
/// A fact that runs only where Debian's chromium is installed (scripts/test.sh installs it);
/// anywhere else it is reported skipped with the reason, never passed.
/// </summary>
[XunitTestCaseDiscoverer("Ledger.Console.BrowserTests.Support.ChromiumFactDiscoverer", "Ledger.Console.BrowserTests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => File.Exists(Chromium.ExecutablePath)
        ? null
        : $"{Chromium.ExecutablePath} is missing: install Debian's chromium (apt-get install -y chromium; scripts/test.sh does) to run the browser tests.";
}

/// <summary>Discovers <see cref="ChromiumFactAttribute"/> tests, skipping them with the reason where they cannot run.</summary>
public sealed class ChromiumFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ChromiumFactAttribute.SkipReason is { } reason
            ? new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
}
