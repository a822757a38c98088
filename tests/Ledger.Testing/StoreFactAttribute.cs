using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ledger.Testing;

/// <summary>Marks a test class whose <see cref="StoreFactAttribute"/> tests need a real redis-server.</summary>
public interface IRequiresRedis;

/// <summary>Marks a test class whose <see cref="StoreFactAttribute"/> tests need the PostgreSQL server binaries.</summary>
public interface IRequiresPostgres;

/// <summary>
/// A fact that is skipped, with the reason, when its test class implements
/// <see cref="IRequiresRedis"/> and redis-server is not installed, or
/// <see cref="IRequiresPostgres"/> and PostgreSQL is not. This lets one abstract
/// contract class run against the in-memory stores everywhere and against Redis wherever
/// Redis exists (xunit 2 has no dynamic skip). It lives here, not in one test project, so that
/// every project with a test that starts a server skips it the same way.
/// </summary>
[XunitTestCaseDiscoverer("Ledger.Testing.StoreFactDiscoverer", "Ledger.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests, skipping Redis ones when Redis is missing.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var testClass = testMethod.TestClass.Class.ToRuntimeType();
        var missing = typeof(IRequiresRedis).IsAssignableFrom(testClass) && !InstalledServers.HasRedis ? InstalledServers.RedisMissingReason
            : typeof(IRequiresPostgres).IsAssignableFrom(testClass) && !InstalledServers.HasPostgres ? InstalledServers.PostgresMissingReason
            : null;
        if (missing is not null)
            return new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, missing);
        return base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}
