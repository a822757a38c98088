using System.Globalization;

namespace Ledger.Testing;

/// <summary>
/// How to start an anvil devnet. Defaults: chain id 31337, 10 accounts from anvil's default
/// mnemonic ("test test test test test test test test test test test junk"), cancun,
/// automine (a block per transaction), anvil's default fees.
/// </summary>
public sealed record AnvilDevnetOptions
{
    /// <summary>The chain id (EIP-155).</summary>
    public ulong ChainId { get; init; } = 31337;

    /// <summary>How many funded dev accounts to create (10,000 ETH each).</summary>
    public int Accounts { get; init; } = 10;

    /// <summary>BIP-39 mnemonic for the dev accounts; null for anvil's well-known default.</summary>
    public string? Mnemonic { get; init; }

    /// <summary>
    /// Interval mining: a block every this often (fractions such as 0.2 s work). Null for
    /// automine, which can leave transactions pending under parallel load.
    /// </summary>
    public TimeSpan? BlockTime { get; init; }

    /// <summary>The EVM hardfork, e.g. "cancun" or "prague".</summary>
    public string Hardfork { get; init; } = "cancun";

    /// <summary>
    /// Run fee-less like a QBFT network with zero gas price: base fee 0, gas price 0 and no
    /// minimum priority fee, so transactions with a gas price of 0 are accepted.
    /// </summary>
    public bool ZeroGasPrice { get; init; }

    /// <summary>The port to listen on; 0 lets the OS choose a free one (the default).</summary>
    public int Port { get; init; }

    /// <summary>How long to wait for anvil to listen and answer eth_chainId.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Further anvil arguments, passed verbatim after the ones above.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The anvil command line these options stand for.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        if (Accounts is < 1 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(Accounts), Accounts, "Between 1 and 1000 dev accounts.");
        if (Port is < 0 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Not a TCP port.");
        if (BlockTime is { } blockTime && blockTime <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(BlockTime), blockTime, "The block time must be positive.");

        var args = new List<string>
        {
            "--host", "127.0.0.1",
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--chain-id", ChainId.ToString(CultureInfo.InvariantCulture),
            "--accounts", Accounts.ToString(CultureInfo.InvariantCulture),
            "--hardfork", Hardfork,
            // Banner and request logs go to a pipe the harness drains; colour codes would only garble them.
            "--color", "never",
        };
        if (Mnemonic is not null)
            args.AddRange(["--mnemonic", Mnemonic]);
        if (BlockTime is { } interval)
            args.AddRange(["--block-time", interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)]);
        if (ZeroGasPrice)
            args.AddRange(["--gas-price", "0", "--block-base-fee-per-gas", "0", "--disable-min-priority-fee"]);
        args.AddRange(ExtraArguments);
        return args;
    }
}
