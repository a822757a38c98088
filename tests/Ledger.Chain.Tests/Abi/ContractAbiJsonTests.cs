using System.Reflection;
using Ledger.Chain.Abi;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Tests.Abi;

public class ContractAbiJsonTests
{
    // The JSON example of the Solidity ABI specification ("Event", "Event2", "foo").
    private const string SpecEvents = """
        [{
        "type":"event",
        "inputs": [{"name":"a","type":"uint256","indexed":true},{"name":"b","type":"bytes32","indexed":false}],
        "name":"Event"
        }, {
        "type":"event",
        "inputs": [{"name":"a","type":"uint256","indexed":true},{"name":"b","type":"bytes32","indexed":false}],
        "name":"Event2"
        }, {
        "type":"function",
        "inputs": [{"name":"a","type":"uint256"}],
        "name":"foo",
        "outputs": []
        }]
        """;

    // The specification's tuple example: struct S { uint a; uint[] b; T[] c; } struct T { uint x; uint y; }
    // function f(S memory, T memory, uint) public pure {}
    private const string SpecTuples = """
        [{"name":"f","type":"function","inputs":[
          {"name":"s","type":"tuple","components":[
            {"name":"a","type":"uint256"},
            {"name":"b","type":"uint256[]"},
            {"name":"c","type":"tuple[]","components":[{"name":"x","type":"uint256"},{"name":"y","type":"uint256"}]}]},
          {"name":"t","type":"tuple","components":[{"name":"x","type":"uint256"},{"name":"y","type":"uint256"}]},
          {"name":"a","type":"uint256"}],
         "outputs":[]}]
        """;

    [Fact]
    public void The_specification_event_example_parses()
    {
        var abi = ContractAbi.Parse(SpecEvents);

        Assert.Equal(["Event", "Event2"], abi.Events.Select(e => e.Name));
        var abiEvent = abi.GetEvent("Event");
        Assert.Equal("Event(uint256,bytes32)", abiEvent.Signature);
        Assert.True(abiEvent.Inputs[0].Indexed);
        Assert.Equal("(bytes32)", abiEvent.DataType.CanonicalName);
        Assert.True(abi.TryGetEventByTopic(abiEvent.Topic0, out var found));
        Assert.Same(abiEvent, found);
        Assert.Equal("foo(uint256)", abi.GetFunction("foo").Signature);
    }

    [Fact]
    public void The_specification_tuple_example_parses_with_component_names()
    {
        var f = ContractAbi.Parse(SpecTuples).GetFunction("f");

        Assert.Equal("f((uint256,uint256[],(uint256,uint256)[]),(uint256,uint256),uint256)", f.Signature);
        var calldata = f.EncodeCall(new object[] { 1, new[] { 2, 3 }, new[] { new object[] { 4, 5 } } }, (6, 7), 8);
        var s = f.DecodeInput(calldata).Get<AbiTuple>("s");
        var c = Assert.IsType<AbiTuple>(s.Get<IReadOnlyList<object?>>("c")[0]);
        Assert.Equal(5, (int)c.Get<System.Numerics.BigInteger>("y"));
    }

    [Fact]
    public void A_forge_artifact_object_with_overloads_errors_and_special_functions_parses()
    {
        const string artifact = """
            {"abi":[
              {"type":"constructor","inputs":[{"name":"admin","type":"address","internalType":"address"}],"stateMutability":"nonpayable"},
              {"type":"fallback","stateMutability":"payable"},
              {"type":"receive","stateMutability":"payable"},
              {"type":"function","name":"get","inputs":[{"name":"id","type":"bytes32","internalType":"bytes32"}],
               "outputs":[{"name":"","type":"uint8","internalType":"enum Status"}],"stateMutability":"view"},
              {"type":"function","name":"get","inputs":[{"name":"id","type":"string","internalType":"string"}],
               "outputs":[{"name":"","type":"uint8","internalType":"enum Status"}],"stateMutability":"view"},
              {"type":"function","name":"cancel","inputs":[],"outputs":[],"stateMutability":"nonpayable"},
              {"type":"error","name":"Unauthorized","inputs":[{"name":"caller","type":"address","internalType":"address"}]},
              {"type":"error","name":"Unauthorized","inputs":[{"name":"caller","type":"address","internalType":"address"}]}
            ],"bytecode":{"object":"0x"}}
            """;

        var abi = ContractAbi.Parse(artifact);

        Assert.NotNull(abi.Constructor);
        Assert.Equal("address", abi.Constructor!.Inputs[0].Type.CanonicalName);
        Assert.True(abi.HasFallback);
        Assert.True(abi.HasReceive);
        Assert.Equal(2, abi.GetOverloads("get").Count);
        var ambiguous = Assert.Throws<AmbiguousMatchException>(() => abi.GetFunction("get"));
        Assert.Contains("get(bytes32)", ambiguous.Message);
        Assert.Equal("enum Status", abi.GetFunction("get(string)").Outputs[0].InternalType);
        Assert.True(abi.GetFunction("get(bytes32)").IsReadOnly);
        Assert.Same(abi.GetFunction("cancel"), abi.GetFunction("cancel()"));
        Assert.Throws<KeyNotFoundException>(() => abi.GetFunction("register"));
        Assert.Single(abi.Errors);
        var calldata = abi.GetFunction("get(string)").EncodeCall("CH/2026/000123");
        Assert.Equal("get(string)", abi.DecodeCall(calldata)!.Function.Signature);
        Assert.True(abi.TryGetErrorBySelector(abi.Errors[0].EncodeRevertData(Address.Zero), out var error));
        Assert.Equal("Unauthorized", error!.Name);
    }

    [Fact]
    public void Legacy_constant_and_payable_flags_set_the_mutability()
    {
        var abi = ContractAbi.Parse("""
            [{"name":"total","inputs":[],"outputs":[{"name":"","type":"uint256"}],"constant":true},
             {"type":"function","name":"buy","inputs":[],"outputs":[],"payable":true}]
            """);

        Assert.Equal(AbiStateMutability.View, abi.GetFunction("total").StateMutability);
        Assert.Equal(AbiStateMutability.Payable, abi.GetFunction("buy").StateMutability);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"bytecode\":1}", "expected an array")]
    [InlineData("[1]", "abi[0]: expected an object")]
    [InlineData("[{\"type\":\"function\",\"inputs\":[]}]", "abi[0]: missing \"name\"")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\"}]}]", "abi[0].inputs[0]: missing \"type\"")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"type\":\"tuple[]\"}]}]", "needs \\\"components\\\"")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"type\":\"uint8\",\"components\":[{\"type\":\"bool\"}]}]}]", "only \\\"tuple\\\" types have components")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"type\":\"uint7\"}]}]", "abi[0].inputs[0]: Invalid ABI type 'uint7'")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[],\"stateMutability\":\"cheap\"}]", "unknown value \\\"cheap\\\"")]
    [InlineData("[{\"type\":\"modifier\",\"name\":\"m\"}]", "unknown entry type \\\"modifier\\\"")]
    [InlineData("[{\"type\":\"event\",\"name\":\"E\",\"inputs\":[{\"type\":\"bool\",\"indexed\":true},{\"type\":\"bool\",\"indexed\":true},{\"type\":\"bool\",\"indexed\":true},{\"type\":\"bool\",\"indexed\":true}]}]", "at most 3")]
    [InlineData("[{\"type\":\"event\",\"name\":\"E\",\"inputs\":[{\"type\":\"bool\",\"indexed\":\"yes\"}]}]", "expected true or false")]
    public void Invalid_json_abis_are_refused_naming_the_entry(string json, string reason)
    {
        var e = Assert.Throws<FormatException>(() => ContractAbi.Parse(json));

        Assert.Contains(reason.Replace("\\\"", "\""), e.Message);
    }

    [Fact]
    public void Logs_of_unknown_events_are_not_decoded()
    {
        var abi = ContractAbi.Parse(SpecEvents);

        Assert.Null(abi.DecodeLog([new byte[32]], []));
        Assert.Null(abi.DecodeLog([], []));
        Assert.Null(abi.DecodeCall([1, 2, 3]));
    }
}
