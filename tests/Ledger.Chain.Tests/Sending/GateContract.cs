using System.Numerics;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Chain.Tests.Rpc;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Sending;

/// <summary>
/// A hand-assembled contract with the two behaviours the sender must handle: called with a
/// non-zero first word <c>value</c> it emits <c>Passed(uint256 indexed value, address sender)</c>;
/// with value 0 it reverts with <c>Denied(uint256 code, address caller)</c>, code being the
/// second word of the call data. Its ABI is given as JSON, as solc would print it.
/// </summary>
internal static class GateContract
{
    public const string AbiJson = """
        [
          {"type":"event","name":"Passed","anonymous":false,"inputs":[
            {"name":"value","type":"uint256","indexed":true},
            {"name":"sender","type":"address","indexed":false}]},
          {"type":"error","name":"Denied","inputs":[
            {"name":"code","type":"uint256"},
            {"name":"caller","type":"address"}]}
        ]
        """;

    private const byte Stop = 0x00, Shl = 0x1b, IsZero = 0x15, Caller = 0x33, CallDataLoad = 0x35, MStore = 0x52;
    private const byte JumpI = 0x57, JumpDest = 0x5b, Push1 = 0x60, Push4 = 0x63, Push32 = 0x7f, Dup1 = 0x80, Log2 = 0xa2, Revert = 0xfd;

    public static ContractAbi Abi { get; } = ContractAbi.Parse(AbiJson);

    /// <summary>The runtime code described above.</summary>
    public static byte[] Runtime()
    {
        var code = new List<byte>
        {
            Push1, 0, CallDataLoad,           // value = calldata[0..32)
            Dup1, IsZero, Push1, 0, JumpI,    // if value == 0 goto deny (target patched below)
            Caller, Push1, 0, MStore,         // memory[0..32) = msg.sender
            Push32,
        };
        const int denyOperand = 6;
        code.AddRange(Abi.GetEvent("Passed").Topic0.ToArray());
        code.AddRange([Push1, 32, Push1, 0, Log2, Stop]); // LOG2(offset 0, size 32, topic0, value)

        code[denyOperand] = (byte)code.Count;
        code.Add(JumpDest);
        code.Add(Push4);
        code.AddRange(Abi.GetError("Denied").Selector.ToArray());
        code.AddRange(
        [
            Push1, 224, Shl, Push1, 0, MStore,          // memory[0..4) = selector
            Push1, 32, CallDataLoad, Push1, 4, MStore,  // memory[4..36) = code
            Caller, Push1, 36, MStore,                  // memory[36..68) = msg.sender
            Push1, 68, Push1, 0, Revert,
        ]);
        return [.. code];
    }

    /// <summary>Call data: the value word, then the error code word.</summary>
    public static byte[] Call(BigInteger value, BigInteger code = default)
    {
        var data = new byte[64];
        Word(value).CopyTo(data, 0);
        Word(code).CopyTo(data, 32);
        return data;
    }

    /// <summary>Deploys the gate from a dev account that anvil signs for, leaving the test's own keys untouched.</summary>
    public static Task<Address> DeployAsync(AnvilDevnet devnet, DevAccount deployer) => DeployRuntimeAsync(devnet, deployer, Runtime());

    /// <summary>Deploys arbitrary runtime code from a dev account.</summary>
    public static async Task<Address> DeployRuntimeAsync(AnvilDevnet devnet, DevAccount deployer, byte[] runtime)
    {
        var hash = await devnet.SendTransactionAsync(deployer.Address, to: null, EvmCode.Deployable(runtime));
        if (devnet.Options.ExtraArguments.Contains("--no-mining"))
            await devnet.MineAsync();
        var receipt = await devnet.WaitForReceiptAsync(hash);
        Assert.True(receipt.Succeeded);
        return receipt.ContractAddress ?? throw new InvalidOperationException("A deployment receipt names the contract.");
    }

    private static byte[] Word(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }
}
