using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Chain.Tests.Rpc;
using Ledger.Chain.Tests.Sending;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Logs;

/// <summary>
/// An anvil holding a known log history: 300 <c>Passed</c> events of the gate contract (values
/// 1 to 300, in order) spread unevenly over many blocks — from none to five per block, with
/// runs of empty blocks — mixed with events of a second contract the gate's ABI does not know.
/// </summary>
public sealed class LogHistoryFixture : IAsyncLifetime
{
    public const int GateEvents = 300;

    private AnvilDevnet? _devnet;

    public AnvilDevnet Devnet => _devnet ?? throw new InvalidOperationException("Not started.");

    public Address Gate { get; private set; }

    public Address Emitter { get; private set; }

    public DevAccount GateCaller => Devnet.Accounts[0];

    /// <summary>The block before the first event.</summary>
    public ulong FromBlock { get; private set; }

    /// <summary>The last block of the history.</summary>
    public ulong ToBlock { get; private set; }

    public int EmitterEvents { get; private set; }

    public async Task InitializeAsync()
    {
        _devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { ExtraArguments = ["--no-mining"] });
        Gate = await GateContract.DeployAsync(Devnet, Devnet.Accounts[9]);
        Emitter = await GateContract.DeployRuntimeAsync(Devnet, Devnet.Accounts[9], EvmCode.EmitterRuntime());
        FromBlock = await Devnet.Client.GetBlockNumberAsync();

        var value = 1;
        for (var batch = 0; value <= GateEvents; batch++)
        {
            for (var i = 0; i < batch % 6 && value <= GateEvents; i++)
                await Devnet.SendTransactionAsync(GateCaller.Address, Gate, GateContract.Call(value++));
            if (batch % 4 == 1)
            {
                await Devnet.SendTransactionAsync(Devnet.Accounts[1].Address, Emitter, Keccak256.HashUtf8("other " + batch));
                EmitterEvents++;
            }
            await Devnet.MineAsync(batch % 5 == 0 ? 3 : 1);
        }
        ToBlock = await Devnet.Client.GetBlockNumberAsync();
    }

    public async Task DisposeAsync()
    {
        if (_devnet is not null)
            await _devnet.DisposeAsync();
    }
}
