using System.Globalization;
using Nethereum.JsonRpc.Client;
using Newtonsoft.Json.Linq;

namespace Ledger.Drills.Support;

/// <summary>
/// anvil's mining controls: hold sent transactions in the pool (no interval mining), mine a
/// block on demand, resume the block period; and the pool's size, to know a write was sent.
/// </summary>
internal sealed class NodeMining(Uri rpcUrl)
{
    private readonly RpcClient _client = new(rpcUrl);

    /// <summary>Stops mining: transactions wait in the pool until <see cref="MineAsync"/> or <see cref="ResumeAsync"/>.</summary>
    public Task HoldAsync() => _client.SendRequestAsync<object>("evm_setIntervalMining", null, 0);

    /// <summary>Mines one block with what the pool holds.</summary>
    public Task MineAsync() => _client.SendRequestAsync<object>("evm_mine", null);

    /// <summary>Mines a block every <paramref name="seconds"/> again.</summary>
    public Task ResumeAsync(int seconds) => _client.SendRequestAsync<object>("evm_setIntervalMining", null, seconds);

    /// <summary>Transactions waiting in the pool (txpool_status.pending).</summary>
    public async Task<int> PendingAsync()
    {
        var status = await _client.SendRequestAsync<JObject>("txpool_status", null);
        var pending = status["pending"]?.ToString() ?? "0x0";
        return int.Parse(pending.AsSpan(pending.StartsWith("0x", StringComparison.Ordinal) ? 2 : 0),
            pending.StartsWith("0x", StringComparison.Ordinal) ? NumberStyles.HexNumber : NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
