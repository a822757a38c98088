using Ledger.Contracts;
using Ledger.Gateway.Follower;

namespace Ledger.Gateway.Tests.Follower;

/// <summary>
/// Where the event follower's ranges end and how many blocks it reads next: cut at a block
/// boundary past the event cap (a block larger than the cap whole), the window shrinking to what
/// was applied and doubling back after light ranges. Caps are small here (4 events, 16 blocks).
/// </summary>
public sealed class RangeWindowTests
{
    private const int Cap = 4;
    private const ulong MaxBlocks = 16;

    private readonly RangeWindow _window = new(MaxBlocks, Cap);

    [Fact]
    public void A_range_within_the_cap_is_applied_whole()
    {
        var logs = Events(10, 11, 11, 15);

        Assert.Equal(19ul, _window.End(10, 19, logs));
        Assert.Equal([10ul, 11, 11, 15], Blocks(logs));
    }

    [Fact]
    public void Past_the_cap_the_range_ends_before_the_block_of_the_first_event_left_out()
    {
        // The fifth event (past the cap of 4) is in block 13: blocks 10..12 are applied, with 3 events.
        var logs = Events(10, 11, 12, 13, 13, 14);

        Assert.Equal(12ul, _window.End(10, 19, logs));
        Assert.Equal([10ul, 11, 12], Blocks(logs));
        Assert.Equal(3ul, _window.Blocks);
    }

    [Fact]
    public void A_first_block_larger_than_the_cap_is_applied_whole()
    {
        var logs = Events(12, 12, 12, 12, 12, 12, 13);

        Assert.Equal(12ul, _window.End(10, 19, logs));
        Assert.Equal(6, logs.Count);
        Assert.Equal(3ul, _window.Blocks);
    }

    [Fact]
    public void A_block_larger_than_the_cap_at_the_range_start_is_applied_alone()
    {
        var logs = Events(10, 10, 10, 10, 10, 11);

        Assert.Equal(10ul, _window.End(10, 19, logs));
        Assert.Equal(5, logs.Count);
        Assert.Equal(1ul, _window.Blocks);
    }

    [Fact]
    public void The_window_doubles_back_after_light_ranges_up_to_the_block_cap()
    {
        _window.End(0, 15, Events(2, 3, 4, 5, 6)); // cut at block 5: six blocks applied
        Assert.Equal(6ul, _window.Blocks);

        _window.End(6, 11, Events(7)); // fewer than half the cap: doubles
        Assert.Equal(12ul, _window.Blocks);
        _window.End(12, 23, []);
        Assert.Equal(MaxBlocks, _window.Blocks);
    }

    [Fact]
    public void A_range_of_half_the_cap_or_more_keeps_the_window()
    {
        _window.End(0, 15, Events(2, 3, 4, 5, 6));

        _window.End(6, 11, Events(7, 8));
        Assert.Equal(6ul, _window.Blocks);
    }

    [Fact]
    public void The_next_range_reads_the_window_but_not_past_the_confirmed_block()
    {
        Assert.Equal(25ul, _window.LastBlock(10, 100));
        Assert.Equal(20ul, _window.LastBlock(10, 20));
        _window.End(10, 25, Events(10, 11, 12, 13, 14));
        Assert.Equal(13ul, _window.LastBlock(10, 100));
    }

    private static List<ContractEvent> Events(params ulong[] blocks) =>
        blocks.Select((block, i) => (ContractEvent)PermitLogIndexTests.Registered(PermitLogIndexTests.KeyNumber(i), block, (ulong)i)).ToList();

    private static ulong[] Blocks(List<ContractEvent> logs) => logs.Select(l => l.Log.BlockNumber).ToArray();
}
