using System.Globalization;
using System.Text.Json.Nodes;
using Ledger.Network.Definition;

namespace Ledger.Network.Besu;

/// <summary>
/// The Besu QBFT genesis of a network: contract validator selection (the validators are
/// whatever the AuthorityRegistry's getValidators() returns, so extraData lists none), zero
/// base fee (authorities pay no gas and hold no ether), the Cancun EVM the contracts are
/// compiled for, and both registries already deployed in alloc, so no deployer key exists
/// and the chain is governed from block 0. anvil --init reads the same file.
/// </summary>
public static class QbftGenesis
{
    /// <summary>
    /// RLP of QBFT's extra data with no validators: [32 zero bytes of vanity, [] validators,
    /// no vote, round 0, [] seals]. With contract selection the list must be empty.
    /// </summary>
    public const string EmptyValidatorsExtraData = "0xe5a00000000000000000000000000000000000000000000000000000000000000000c0c080c0";

    /// <summary>The mix hash that marks a BFT block ("Byzantine fault tolerance" in ASCII, as Besu expects).</summary>
    public const string BftMixHash = "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365";

    /// <summary>Block gas limit: room for a batch registration of the largest size in one block.</summary>
    public const ulong GasLimit = 100_000_000;

    /// <summary>Builds the genesis JSON (keys in a fixed order, so the text is reproducible).</summary>
    /// <param name="network">The definition (chain id, QBFT timing).</param>
    /// <param name="validatorContract">Address of the AuthorityRegistry, whose getValidators() Besu calls.</param>
    /// <param name="alloc">The pre-deployed accounts by address.</param>
    /// <param name="timestamp">Genesis time, unix seconds (fixed, for reproducibility).</param>
    public static string Build(NetworkDefinition network, string validatorContract, IReadOnlyDictionary<string, GenesisAccount> alloc, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(alloc);
        var accounts = new JsonObject();
        foreach (var (address, account) in alloc.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var json = new JsonObject { ["balance"] = "0x0" };
            if (account.HasCode)
            {
                json["nonce"] = Hex(account.Nonce);
                json["code"] = account.Code;
                var storage = new JsonObject();
                foreach (var (slot, value) in account.Storage.OrderBy(entry => entry.Key, StringComparer.Ordinal))
                    storage[slot] = value;
                json["storage"] = storage;
            }
            accounts[address.ToLowerInvariant()] = json;
        }
        var genesis = new JsonObject
        {
            ["config"] = new JsonObject
            {
                ["chainId"] = network.ChainId,
                ["homesteadBlock"] = 0,
                ["eip150Block"] = 0,
                ["eip155Block"] = 0,
                ["eip158Block"] = 0,
                ["byzantiumBlock"] = 0,
                ["constantinopleBlock"] = 0,
                ["petersburgBlock"] = 0,
                ["istanbulBlock"] = 0,
                ["berlinBlock"] = 0,
                ["londonBlock"] = 0,
                ["shanghaiTime"] = 0,
                ["cancunTime"] = 0,
                ["zeroBaseFee"] = true,
                ["qbft"] = new JsonObject
                {
                    ["blockperiodseconds"] = network.BlockPeriodSeconds,
                    ["epochlength"] = network.EpochLength,
                    ["requesttimeoutseconds"] = network.RequestTimeoutSeconds,
                    ["validatorcontractaddress"] = validatorContract.ToLowerInvariant(),
                },
            },
            ["nonce"] = "0x0",
            ["timestamp"] = Hex(timestamp),
            ["gasLimit"] = Hex(GasLimit),
            ["difficulty"] = "0x1",
            ["baseFeePerGas"] = "0x0",
            ["mixHash"] = BftMixHash,
            ["coinbase"] = "0x0000000000000000000000000000000000000000",
            ["extraData"] = EmptyValidatorsExtraData,
            ["alloc"] = accounts,
        };
        return genesis.ToJsonString(GeneratedFiles.JsonOptions) + "\n";
    }

    private static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
