using System.Numerics;
using System.Text.Json;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Abi;

/// <summary>
/// The codec against the real thing: solc's ABI JSON, selectors, decoder and encoder, and the
/// logs and revert data the EVM produces for a compiled contract (see Solidity/AbiProbe.sol).
/// </summary>
public class AbiSolidityTests(AbiProbeChain chain) : IClassFixture<AbiProbeChain>
{
    [Fact]
    public void Selectors_match_the_compilers_method_identifiers()
    {
        Assert.Equal(chain.MethodIdentifiers.Count, chain.Abi.Functions.Count);
        foreach (var function in chain.Abi.Functions)
            Assert.Equal(chain.MethodIdentifiers[function.Signature], Hex.Encode(function.Selector, prefix: false));
    }

    [Fact]
    public void The_json_abi_keeps_struct_components_and_internal_types()
    {
        var permit = chain.Abi.GetFunction("echo").Inputs[0];

        Assert.Equal("struct AbiProbe.Permit", permit.InternalType);
        var lines = ((AbiTupleType)permit.Type).Components[3];
        Assert.Equal("lines", lines.Name);
        Assert.Equal("struct AbiProbe.Line[]", lines.InternalType);
        Assert.Equal(["PermitExhausted", "Unauthorized"], chain.Abi.Errors.Select(e => e.Name));
        Assert.True(chain.Abi.GetEvent("Tagged").Anonymous);
    }

    [Fact]
    public async Task Solidity_decodes_our_calldata_and_returns_the_same_encoding()
    {
        var echo = chain.Abi.GetFunction("echo");
        var random = new RandomAbi(5150);
        var cases = Enumerable.Range(0, 60).Select(_ => echo.Inputs.Select(p => random.Value(p.Type)).ToArray()).ToList();

        var outputs = await CastBatch.RunAsync(cases.Select(values => chain.Call(echo.EncodeCall(values))).ToList());

        for (var i = 0; i < cases.Count; i++)
        {
            Assert.Equal(Hex.Encode(echo.EncodeOutput(cases[i])), outputs[i]);
            AbiValueAssert.Equal(echo.OutputType, cases[i], echo.DecodeOutput(Hex.Decode(outputs[i])), $"case {i}");
        }
    }

    [Fact]
    public async Task Logs_emitted_by_solidity_decode_and_match_our_log_encoding()
    {
        var record = chain.Abi.GetFunction("record");
        var recorded = chain.Abi.GetEvent("Recorded");
        var tagged = chain.Abi.GetEvent("Tagged");
        var random = new RandomAbi(1789);
        var cases = Enumerable.Range(0, 25).Select(_ => record.Inputs.Select(p => random.Value(p.Type)).ToArray()).ToList();

        var receipts = await CastBatch.RunAsync(cases
            .Select(values => chain.Send(chain.ContractAddress, Hex.Encode(record.EncodeCall(values))))
            .ToList());

        for (var i = 0; i < cases.Count; i++)
        {
            var values = cases[i];
            var logs = ReadLogs(receipts[i]);
            Assert.Equal(2, logs.Count);

            object?[] recordedValues = [values[0], values[1], values[2], values[3], values[4]];
            var decoded = chain.Abi.DecodeLog(logs[0].Topics, logs[0].Data);
            Assert.Same(recorded, decoded!.Event);
            AssertLog(recorded, recordedValues, logs[0], decoded.Values);

            Assert.Null(chain.Abi.DecodeLog(logs[1].Topics, logs[1].Data));
            object?[] taggedValues = [values[3], values[5], values[6], Address.Parse(chain.Sender), values[0]];
            AssertLog(tagged, taggedValues, logs[1], tagged.DecodeLog(logs[1].Topics, logs[1].Data));
        }
    }

    [Theory]
    [InlineData(0, typeof(CustomErrorRevert), "PermitExhausted(permitKey=0x00000000000000000000000000000000000000000000000000000000000000ff, remaining=3)")]
    [InlineData(1, typeof(CustomErrorRevert), "Unauthorized(caller=0x00000000000000000000000000000000000000ff, reason=\"not the issuer\")")]
    [InlineData(2, typeof(ErrorMessageRevert), "The contract reverted: permit expired")]
    [InlineData(3, typeof(PanicRevert), "division or modulo by zero, code 0x12")]
    [InlineData(4, typeof(PanicRevert), "arithmetic overflow or underflow, code 0x11")]
    [InlineData(5, typeof(PanicRevert), "assertion failed (assert), code 0x01")]
    [InlineData(6, typeof(PanicRevert), "array index out of bounds, code 0x32")]
    [InlineData(7, typeof(EmptyRevert), "without a reason")]
    public async Task Reverts_produced_by_solidity_decode_to_their_reason(int kind, Type expectedType, string expectedMessage)
    {
        var probe = chain.Abi.GetFunction("probe");

        var output = await CastBatch.RunAsync([chain.Call(probe.EncodeCall(kind, 0xff))]);

        var revertData = probe.DecodeOutput(Hex.Decode(output[0])).Get<byte[]>(0);
        var reason = new RevertDecoder(chain.Abi).Decode(revertData);
        Assert.IsType(expectedType, reason);
        Assert.Contains(expectedMessage, reason.Message);
    }

    // Non-indexed values must decode to what was sent; indexed one-word values too; indexed
    // strings, bytes, arrays and structs are hashes, which must equal the hash we compute.
    private static void AssertLog(AbiEvent abiEvent, object?[] values, (List<byte[]> Topics, byte[] Data) log, AbiTuple decoded)
    {
        for (var p = 0; p < values.Length; p++)
        {
            var parameter = abiEvent.Inputs[p];
            if (parameter.Indexed && !parameter.Type.IsWordValue)
                Assert.Equal(new AbiHashedTopic(AbiEvent.EncodeTopicValue(parameter.Type, values[p])), decoded[p]);
            else
                AbiValueAssert.Equal(parameter.Type, values[p], decoded[p], $"{abiEvent.Name}.{parameter.Name}");
        }
        var (topics, data) = abiEvent.EncodeLog(values);
        Assert.Equal(log.Topics.Select(t => Hex.Encode(t)), topics.Select(t => Hex.Encode(t)));
        Assert.Equal(Hex.Encode(log.Data), Hex.Encode(data));
    }

    private static List<(List<byte[]> Topics, byte[] Data)> ReadLogs(string receiptJson)
    {
        using var receipt = JsonDocument.Parse(receiptJson);
        Assert.Equal("0x1", receipt.RootElement.GetProperty("status").GetString());
        return receipt.RootElement.GetProperty("logs").EnumerateArray()
            .Select(log => (
                log.GetProperty("topics").EnumerateArray().Select(t => Hex.Decode(t.GetString()!)).ToList(),
                Hex.Decode(log.GetProperty("data").GetString()!)))
            .ToList();
    }
}
