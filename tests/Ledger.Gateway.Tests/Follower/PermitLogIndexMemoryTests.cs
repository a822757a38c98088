using Ledger.Contracts;
using Ledger.Gateway.Follower;
using Xunit.Abstractions;

namespace Ledger.Gateway.Tests.Follower;

/// <summary>Runs alone: the managed heap's size is measured, which other tests' allocations would blur.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "memory measurement";
}

/// <summary>What a million bulk-loaded permits cost the history index: measured on 200,000, per permit.</summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class PermitLogIndexMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void A_bulk_loaded_permit_costs_under_150_bytes_of_index()
    {
        const int permits = 200_000;
        const int perBlock = 2_000;
        var batches = Enumerable.Range(0, permits / perBlock)
            .Select(b => Enumerable.Range(0, perBlock).Select(i => (ContractEvent)PermitLogIndexTests.Registered(PermitLogIndexTests.KeyNumber((long)b * perBlock + i), (ulong)b + 1, (ulong)i)).ToList())
            .ToList();
        var index = PermitLogIndexTests.NewIndex();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var b = 0; b < batches.Count; b++)
            index.Append((ulong)b + 1, (ulong)b + 1, batches[b]);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var perEvent = (after - before) / (double)permits;
        output.WriteLine($"history index: {perEvent:0} bytes per bulk-loaded permit ({permits:N0} permits, {(after - before) / 1e6:0.0} MB)");
        Assert.Equal(permits, index.PermitCount);
        Assert.InRange(perEvent, 1, 150);
        GC.KeepAlive(batches);
    }
}
