using Ledger.Testing;

namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>
/// A network whose blocks the test mines: anvil automines until <see cref="PauseMiningAsync"/>,
/// and the gateway waits only one second for a receipt, so a write can be left sent but not
/// mined, as when a node is slow.
/// </summary>
public sealed class PausedMiningNetworkFixture : LedgerNetworkFixture
{
    /// <summary>How long the gateway waits for a receipt.</summary>
    public static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override AnvilDevnetOptions AnvilOptions => new();

    /// <summary>Stops mining: transactions stay pending until <see cref="MineAsync"/>.</summary>
    public Task PauseMiningAsync() => Devnet.Client.SendRequestAsync("evm_setAutomine", null, false);

    /// <summary>Mines one block with every pending transaction, and mines each transaction at once again from then on.</summary>
    public async Task MineAndResumeAsync()
    {
        await Devnet.MineAsync();
        await Devnet.Client.SendRequestAsync("evm_setAutomine", null, true);
    }

    /// <inheritdoc />
    protected override void AdjustSettings(Dictionary<string, string?> settings) =>
        settings["Chain:ReceiptTimeout"] = ReceiptTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Tests sharing one <see cref="PausedMiningNetworkFixture"/>; they pause the chain, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PausedMiningCollection : ICollectionFixture<PausedMiningNetworkFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Paused mining network";
}
