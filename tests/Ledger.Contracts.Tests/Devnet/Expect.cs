using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Errors;

namespace Ledger.Contracts.Tests.Devnet;

/// <summary>Assertions shared by the contract tests.</summary>
public static class Expect
{
    /// <summary>The action is refused by the contract with <typeparamref name="TError"/>; returns the error and the exception.</summary>
    public static async Task<(TError Error, ContractErrorException Exception)> Refusal<TError>(Func<Task> action)
        where TError : ContractError
    {
        var exception = await Assert.ThrowsAsync<ContractErrorException>(action);
        var error = Assert.IsType<TError>(exception.Error);
        Assert.Contains(error.Name, exception.Message, StringComparison.Ordinal);
        return (error, exception);
    }

    /// <summary>The events of a transaction are exactly these types in this order, all emitted by <paramref name="contract"/> in it.</summary>
    public static IReadOnlyList<ContractEvent> Events(IReadOnlyList<ContractEvent> events, TransactionOutcome outcome, Address contract, params Type[] types)
    {
        Assert.Equal(types, events.Select(e => e.GetType()));
        Assert.All(events, e =>
        {
            Assert.Equal(contract, e.Log.Contract);
            Assert.Equal(outcome.Hash, e.Log.TransactionHash);
            Assert.Equal(outcome.BlockNumber, e.Log.BlockNumber);
        });
        return events;
    }

    /// <summary>
    /// Both lists hold the same addresses, each once, in any order: getValidators() promises
    /// no order, and a removal reorders it.
    /// </summary>
    public static void SameAddresses(IEnumerable<Address> expected, IEnumerable<Address> actual)
    {
        static string[] Sorted(IEnumerable<Address> addresses) => addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal).ToArray();
        var wanted = Sorted(expected);
        Assert.Equal(wanted.Distinct(StringComparer.Ordinal).Count(), wanted.Length);
        Assert.Equal(wanted, Sorted(actual));
    }
}
