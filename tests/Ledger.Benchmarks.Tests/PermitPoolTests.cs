using Ledger.Benchmarks.Permits;

namespace Ledger.Benchmarks.Tests;

/// <summary><see cref="PermitPool"/>: the inputs a load asks for, each once, until restarted.</summary>
public sealed class PermitPoolTests
{
    [Fact]
    public void A_restarted_pool_hands_its_permits_out_again_from_the_first()
    {
        var pool = new PermitPool(() => 3, index => $"P{index}");
        Assert.Equal(["P0", "P1"], [pool.Take(), pool.Take()]);

        pool.Restart();

        Assert.Equal(["P0", "P1", "P2"], [pool.Take(), pool.Take(), pool.Take()]);
        Assert.Throws<Load.InputsExhaustedException>(pool.Take);
    }
}
