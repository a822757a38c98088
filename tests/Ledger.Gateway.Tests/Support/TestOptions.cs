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

    /// <summary>
    /// The settings of a Devnet gateway on a free loopback port with one dev identity (ch-issuer)
    /// and its checkpoints under <paramref name="checkpointDirectory"/>; the caller adds the rest.
    /// </summary>
    public static Dictionary<string, string?> DevnetGateway(string checkpointDirectory) => new()
    {
        ["Gateway:Mode"] = "Devnet",
        ["Gateway:ListenAddress"] = "127.0.0.1",
        ["Gateway:Port"] = "0",
        ["Identity:DevIdentities:ch-issuer:Authority"] = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        ["Identity:DevIdentities:ch-issuer:Role"] = "IssuingOfficer",
        ["Stores:CheckpointDirectory"] = checkpointDirectory,
    };

    /// <summary>Store options with the given overrides.</summary>
    public static IOptions<StoreOptions> Stores(Action<StoreOptions>? configure = null)
    {
        var options = new StoreOptions { KeyPrefix = "t" + Guid.NewGuid().ToString("N")[..12] + ":" };
        configure?.Invoke(options);
        return Options.Create(options);
    }
}
