using Ledger.Contracts;
using Ledger.Contracts.Permits;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Gateway.Follower;

namespace Ledger.Gateway.Tests.Follower;

/// <summary>
/// The history index keeps positions, not events: what it remembers per permit, in chain order,
/// across appends and a backfill.
/// </summary>
public sealed class PermitLogIndexTests
{
    internal static readonly Address Contract = Address.Parse("0x" + new string('1', 40));
    internal static readonly Address Issuer = Address.Parse("0x" + new string('2', 40));

    // Only ReadAsync goes to the node; these tests never call it.
    internal static PermitLogIndex NewIndex() => new(null!);

    internal static Bytes32 KeyNumber(long n)
    {
        Span<byte> bytes = stackalloc byte[32];
        BitConverter.TryWriteBytes(bytes, n);
        bytes[31] = 0xAB;
        return new Bytes32(bytes);
    }

    private static LogPosition At(ulong block, ulong logIndex) => new(Contract, block, KeyNumber((long)block), KeyNumber(-(long)block), logIndex);

    internal static PermitRegistered Registered(Bytes32 key, ulong block, ulong logIndex) => new(At(block, logIndex), key, Issuer, Bytes32.Zero, Bytes32.Zero);

    private static ShipmentRecorded Shipment(Bytes32 key, ulong block, ulong logIndex) => new(At(block, logIndex), key, Bytes32.Zero, Issuer, Bytes32.Zero, [1]);

    [Fact]
    public void Positions_follow_chain_order_across_appends_and_a_backfill_and_ignore_other_permits()
    {
        var index = NewIndex();
        var (key, other) = (KeyNumber(1), KeyNumber(2));
        index.Append(10, 19, [Registered(other, 12, 0), Shipment(key, 15, 3)]);
        index.Append(20, 29, [Shipment(key, 20, 0), Shipment(key, 20, 1)]);
        index.Append(25, 30, [Shipment(key, 20, 1), Shipment(key, 30, 2)]); // overlaps: block 20 is not indexed twice
        index.Prepend(5, 9, [Registered(key, 7, 4)]);

        Assert.Equal([new EventPosition(7, 4), new(15, 3), new(20, 0), new(20, 1), new(30, 2)], index.PositionsOf(new PermitKey(key)));
        Assert.Equal([new EventPosition(12, 0)], index.PositionsOf(new PermitKey(other)));
        Assert.Equal((5UL, 30UL), index.Covered);
    }

    [Fact]
    public void A_gap_after_the_covered_range_starts_the_index_again()
    {
        var index = NewIndex();
        index.Append(10, 19, [Registered(KeyNumber(1), 12, 0)]);
        index.Append(40, 49, [Registered(KeyNumber(2), 41, 0)]);

        Assert.Empty(index.PositionsOf(new PermitKey(KeyNumber(1))));
        Assert.Equal((40UL, 49UL), index.Covered);
    }

    [Fact]
    public void Blocks_closer_than_the_gap_are_read_back_as_one_span()
    {
        var far = PermitLogIndex.SpanGap;
        Assert.Equal([(5UL, 5UL)], PermitLogIndex.Spans([5, 5]));
        Assert.Equal([(5UL, 5UL + far - 1)], PermitLogIndex.Spans([5, 5 + far - 1]));
        Assert.Equal([(5UL, 5UL), (5 + far, 5 + far)], PermitLogIndex.Spans([5, 5 + far]));
        Assert.Empty(PermitLogIndex.Spans([]));
    }
}
