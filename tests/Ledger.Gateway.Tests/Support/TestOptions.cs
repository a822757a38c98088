using Ledger.Gateway.Stores;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Support;

/// <summary>
/// Options for tests: stores with a unique Redis key prefix so tests sharing a server never see
/// each other's keys, and a transaction sender for anvil with zero gas price that notices receipts quickly.
/// </summary>
public static class TestOptions
{
    /// <summary>Sender options for an anvil devnet with zero gas price: no tip, receipts polled every 50 ms.</summary>
    public static readonly Ledger.Contracts.Ethereum.TransactionSenderOptions FastSending = new()
    {
        MaxPriorityFeePerGas = 0,
        ReceiptPollInterval = TimeSpan.FromMilliseconds(50),
        ReceiptTimeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Store options with the given overrides.</summary>
    public static IOptions<StoreOptions> Stores(Action<StoreOptions>? configure = null)
    {
        var options = new StoreOptions { KeyPrefix = "t" + Guid.NewGuid().ToString("N")[..12] + ":" };
        configure?.Invoke(options);
        return Options.Create(options);
    }
}
