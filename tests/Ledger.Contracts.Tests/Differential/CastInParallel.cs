using Ledger.Testing;

namespace Ledger.Contracts.Tests.Differential;

/// <summary>Splits a long <see cref="CastBatch"/> in two halves run side by side: cast's start-up time dominates, and there are two cores.</summary>
public static class CastInParallel
{
    public static async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<IReadOnlyList<string>> cases)
    {
        var half = cases.Count / 2;
        var results = await Task.WhenAll(CastBatch.RunAsync(cases.Take(half).ToArray()), CastBatch.RunAsync(cases.Skip(half).ToArray()));
        return [.. results[0], .. results[1]];
    }
}
