using Ledger.Gateway.Follower;

namespace Ledger.Gateway.Tests.Follower;

/// <summary>
/// One permit's event positions: appending costs amortised O(1), a value never changes once made
/// (nor does a listing), and only the latest value may be appended to.
/// </summary>
public sealed class PermitPositionsTests
{
    private static EventPosition At(int n) => new((ulong)n, (uint)n % 7);

    [Fact]
    public void Appended_positions_follow_in_order()
    {
        var positions = new PermitPositions(At(0));
        for (var n = 1; n < 100; n++)
            positions = positions.Append(At(n));

        Assert.Equal(Enumerable.Range(0, 100).Select(At), positions.ToList());
        Assert.Equal(100, positions.Count);
    }

    [Fact]
    public void A_listing_is_a_copy_that_later_appends_leave_alone()
    {
        var positions = new PermitPositions(At(0));
        positions = positions.Append(At(1));
        var listed = positions.ToList();
        positions = positions.Append(At(2));

        Assert.Equal([At(0), At(1)], listed);
        Assert.Equal([At(0), At(1), At(2)], positions.ToList());
    }

    [Fact]
    public void An_earlier_value_keeps_its_positions_and_cannot_be_appended_to()
    {
        var one = new PermitPositions(At(0));
        var two = one.Append(At(1));
        var three = two.Append(At(2));

        Assert.Equal([At(0)], one.ToList());
        Assert.Equal([At(0), At(1)], two.ToList());
        Assert.Equal([At(0), At(1), At(2)], three.ToList());
        // Adding after positions it does not see would corrupt the later value.
        Assert.Throws<InvalidOperationException>(() => two.Append(At(9)));
        Assert.Equal([At(0), At(1), At(2)], three.ToList());
    }

    [Fact]
    public void Prepending_puts_the_earlier_positions_first()
    {
        var positions = PermitPositions.Of([At(5), At(6)]);
        positions = positions.Append(At(7));

        Assert.Equal([At(1), At(2), At(5), At(6), At(7)], positions.Prepend([At(1), At(2)]).ToList());
        Assert.Equal([At(3)], PermitPositions.Of([At(3)]).ToList());
    }

    [Fact]
    public void Appending_to_a_permit_with_many_events_allocates_amortised_constant_memory()
    {
        const int events = 5_000;
        var positions = new PermitPositions(At(0));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var n = 1; n < events; n++)
            positions = positions.Append(At(n));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Doubling allocates under 2 × 16 bytes per position in all; copying the array every
        // append allocated 16 × events² / 2 bytes (200 MB here).
        Assert.InRange(allocated, 1, 64L * events);
        Assert.Equal(events, positions.Count);
    }
}
