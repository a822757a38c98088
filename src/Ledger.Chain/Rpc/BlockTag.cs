namespace Ledger.Chain.Rpc;

/// <summary>
/// Which block a read refers to: a named tag ("latest", "pending", "safe", "finalized",
/// "earliest") or a block number. On a QBFT chain every block is final once sealed, so
/// "latest" is already final; "safe"/"finalized" matter on other chains.
/// </summary>
public sealed record BlockTag
{
    private BlockTag(string rpcValue, ulong? number)
    {
        RpcValue = rpcValue;
        Number = number;
    }

    /// <summary>The most recent sealed block.</summary>
    public static BlockTag Latest { get; } = new("latest", null);

    /// <summary>The latest block plus the node's pending transactions (for nonces of queued transactions).</summary>
    public static BlockTag Pending { get; } = new("pending", null);

    /// <summary>The latest block the node considers safe from reorganisation.</summary>
    public static BlockTag Safe { get; } = new("safe", null);

    /// <summary>The latest finalized block.</summary>
    public static BlockTag Finalized { get; } = new("finalized", null);

    /// <summary>The genesis block.</summary>
    public static BlockTag Earliest { get; } = new("earliest", null);

    /// <summary>The value sent on the wire: the tag name or a hex quantity.</summary>
    public string RpcValue { get; }

    /// <summary>The block number when this tag names a number, else null.</summary>
    public ulong? Number { get; }

    /// <summary>A specific block by number.</summary>
    public static BlockTag AtNumber(ulong number) => new(HexQuantity.Encode(number), number);

    /// <summary>A specific block by number.</summary>
    public static implicit operator BlockTag(ulong number) => AtNumber(number);

    /// <inheritdoc />
    public override string ToString() => Number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : RpcValue;
}
