namespace Ledger.Chain.Abi;

/// <summary><c>Error(string)</c>: <c>require(cond, "reason")</c> or <c>revert("reason")</c>.</summary>
public sealed class ErrorMessageRevert : RevertReason
{
    internal ErrorMessageRevert(ReadOnlySpan<byte> data, string reason)
        : base(data)
    {
        Reason = reason;
    }

    /// <summary>The message the contract gave.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string Message => "The contract reverted: " + AbiValueText.Shorten(Reason, 500);
}
