using Ledger.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ledger.Gateway.Tests.Support;

/// <summary>Marks a test class whose tests need a real redis-server.</summary>
public interface IRequiresRedis;

/// <summary>Marks a test class whose tests need the PostgreSQL server binaries.</summary>
public interface IRequiresPostgres;

/// <summary>
/// A fact that is skipped, with the reason, when its test class implements
/// <see cref="IRequiresRedis"/> and redis-server is not installed, or
/// <see cref="IRequiresPostgres"/> and PostgreSQL is not. This lets one abstract
/// contract class run against the in-memory stores everywhere and against Redis wherever
/// Redis exists (xunit 2 has no dynamic skip).
/// </summary>
[XunitTestCaseDiscoverer("Ledger.Gateway.Tests.Support.StoreFactDiscoverer", "Ledger.Gateway.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests, skipping Redis ones when Redis is missing.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var testClass = testMethod.TestClass.Class.ToRuntimeType();
        var missing = typeof(IRequiresRedis).IsAssignableFrom(testClass) && !RedisServer.IsInstalled ? RedisServer.MissingReason
            : typeof(IRequiresPostgres).IsAssignableFrom(testClass) && !PostgresServer.IsInstalled ? PostgresServer.MissingReason
            : null;
        if (missing is not null)
            return new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, missing);
        return base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}
