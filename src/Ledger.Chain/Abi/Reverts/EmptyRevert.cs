namespace Ledger.Chain.Abi;

/// <summary>Revert without data: <c>require(cond)</c> without a message, <c>revert()</c>, an invalid opcode or running out of gas.</summary>
public sealed class EmptyRevert : RevertReason
{
    internal EmptyRevert()
        : base([])
    {
    }

    /// <inheritdoc />
    public override string Message =>
        "The contract reverted without a reason (a require without message, an invalid opcode, or out of gas).";
}
