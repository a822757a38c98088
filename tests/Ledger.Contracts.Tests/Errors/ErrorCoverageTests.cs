using System.Reflection;

namespace Ledger.Contracts.Tests.Errors;

/// <summary>Every custom error of both ABIs has a test that triggers it on anvil.</summary>
public sealed class ErrorCoverageTests
{
    [Fact]
    public void Every_custom_error_has_a_revert_test_named_after_it()
    {
        var revertTests = new[]
            {
                typeof(AuthorityRegistryRevertTests), typeof(ValidatorSetRevertTests), typeof(GatewayDirectoryRevertTests),
                typeof(ExpiredProposalRevertTests), typeof(PermitRegistryRevertTests),
            }
            .SelectMany(type => type.GetMethods())
            .Where(method => method.GetCustomAttribute<FactAttribute>() is not null)
            .Select(method => method.Name)
            .ToArray();
        var errors = LedgerArtifacts.AuthorityRegistry.Abi.Errors.Concat(LedgerArtifacts.PermitRegistry.Abi.Errors).Select(e => e.Name).Distinct();
        var untested = errors.Where(name => !revertTests.Any(test => test.StartsWith(name + "_", StringComparison.Ordinal))).ToArray();
        Assert.True(untested.Length == 0, "No revert test for: " + string.Join(", ", untested));
    }
}
