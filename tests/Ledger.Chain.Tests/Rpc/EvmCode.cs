using Ledger.Chain.Primitives;

namespace Ledger.Chain.Tests.Rpc;

/// <summary>
/// Hand-assembled EVM bytecode for the RPC tests, so they need no compiler: a contract that
/// emits an event and one that always reverts with known bytes.
/// </summary>
internal static class EvmCode
{
    private const byte Push1 = 0x60, Push32 = 0x7f, Dup1 = 0x80, CodeCopy = 0x39, Return = 0xf3, Revert = 0xfd;
    private const byte CallDataSize = 0x36, CallDataCopy = 0x37, CallDataLoad = 0x35, Log2 = 0xa2, Stop = 0x00;

    /// <summary>Topic 0 of the emitter's event: keccak256("Anchored(bytes32)") — any fixed hash would do.</summary>
    public static readonly byte[] EventTopic = Keccak256.HashUtf8("Anchored(bytes32)");

    /// <summary>
    /// Runtime code: copies the call data to memory and emits LOG2 with topic 0 =
    /// <see cref="EventTopic"/>, topic 1 = the first 32 bytes of call data, data = the call data.
    /// </summary>
    public static byte[] EmitterRuntime() =>
    [
        CallDataSize, Push1, 0, Push1, 0, CallDataCopy, // memory[0..size) = calldata
        Push1, 0, CallDataLoad,                         // topic 1 = calldata[0..32)
        Push32, .. EventTopic,                          // topic 0
        CallDataSize, Push1, 0,                         // size, offset
        Log2,
        Stop,
    ];

    /// <summary>Runtime code that reverts every call with exactly <paramref name="revertData"/> (at most 255 bytes).</summary>
    public static byte[] ReverterRuntime(byte[] revertData)
    {
        if (revertData.Length > 255)
            throw new ArgumentException("PUSH1 lengths only.", nameof(revertData));
        const byte codeLength = 13;
        var length = (byte)revertData.Length;
        return
        [
            Push1, length, Push1, codeLength, Push1, 0, CodeCopy, // memory[0..len) = the bytes after this code
            Push1, length, Push1, 0, Revert,
            Stop, // pads the code to codeLength bytes; never reached
            .. revertData,
        ];
    }

    /// <summary>Init code that deploys <paramref name="runtime"/> (at most 255 bytes).</summary>
    public static byte[] Deployable(byte[] runtime)
    {
        if (runtime.Length > 255)
            throw new ArgumentException("PUSH1 lengths only.", nameof(runtime));
        const byte initLength = 11;
        return
        [
            Push1, (byte)runtime.Length, Dup1, Push1, initLength, Push1, 0, CodeCopy, // memory = runtime
            Push1, 0, Return,                                                         // return memory[0..len)
            .. runtime,
        ];
    }
}
