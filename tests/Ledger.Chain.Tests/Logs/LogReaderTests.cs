using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Chain.Abi;
using Ledger.Chain.Logs;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;
using Ledger.Chain.Tests.Rpc;
using Ledger.Chain.Tests.Sending;

namespace Ledger.Chain.Tests.Logs;

/// <summary>
/// Paged reads compared with one eth_getLogs over the whole range, on a real history; a
/// scripted node that refuses large answers; and decoding into the gate's typed events.
/// </summary>
public class LogReaderTests(LogHistoryFixture history) : IClassFixture<LogHistoryFixture>
{
    private IRpcClient Client => history.Devnet.Client;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(LogReader.MaxBlocksPerPageLimit)]
    public async Task Pages_of_any_size_return_exactly_what_one_query_over_the_range_returns(int pageBlocks)
    {
        var whole = await Client.GetLogsAsync(new LogFilter { FromBlock = history.FromBlock, ToBlock = history.ToBlock });

        var paged = await new LogReader(Client).ReadAsync(new LogFilter(), history.FromBlock, history.ToBlock, pageBlocks).ToListAsync();

        Assert.Equal(LogHistoryFixture.GateEvents + history.EmitterEvents, whole.Count);
        Assert.Equal(whole.Select(Describe), paged.Select(Describe));
    }

    [Fact]
    public async Task The_base_filters_addresses_and_topics_apply_to_every_page()
    {
        var filter = new LogFilter
        {
            Addresses = [history.Gate],
            Topics = [[new Hash32(GateContract.Abi.GetEvent("Passed").Topic0)]],
        };

        var logs = await new LogReader(Client).ReadAsync(filter, history.FromBlock, history.ToBlock, 5).ToListAsync();

        Assert.Equal(Enumerable.Range(1, LogHistoryFixture.GateEvents).Select(v => new BigInteger(v)),
            logs.Select(log => new BigInteger(log.Topics[1].Bytes, isUnsigned: true, isBigEndian: true)));
        Assert.All(logs, log => Assert.Equal(history.Gate, log.Address));
    }

    [Fact]
    public async Task A_node_refusing_large_answers_makes_the_reader_halve_the_page_without_losing_or_repeating_a_log()
    {
        const int maxResults = 8;
        const int pageBlocks = 100;
        var rpc = new ScriptedRpcClient(Client) { OnCall = RefuseMoreThan(maxResults) };
        var whole = await Client.GetLogsAsync(new LogFilter { FromBlock = history.FromBlock, ToBlock = history.ToBlock });

        var paged = await new LogReader(rpc).ReadAsync(new LogFilter(), history.FromBlock, history.ToBlock, pageBlocks).ToListAsync();

        Assert.Equal(whole.Select(Describe), paged.Select(Describe));
        var calls = rpc.CallsOf("eth_getLogs").Select(call => (Range: RangeOf(call), call.Error)).ToList();
        Assert.Contains(calls, call => call.Error is RpcErrorException);
        // Each refusal is followed by a query from the same block over half as many blocks.
        for (var i = 0; i < calls.Count - 1; i++)
        {
            if (calls[i].Error is null)
                continue;
            Assert.Equal(calls[i].Range.From, calls[i + 1].Range.From);
            Assert.Equal(Span(calls[i].Range) / 2, Span(calls[i + 1].Range));
        }
        // The answered ranges tile the whole range: no gap, no overlap.
        var answered = calls.Where(c => c.Error is null).Select(c => c.Range).ToList();
        Assert.Equal(history.FromBlock, answered[0].From);
        Assert.Equal(history.ToBlock, answered[^1].To);
        for (var i = 1; i < answered.Count; i++)
            Assert.Equal(answered[i - 1].To + 1, answered[i].From);
        Assert.All(answered, range => Assert.True(Span(range) <= pageBlocks));
    }

    [Fact]
    public async Task A_single_block_with_more_logs_than_the_node_returns_fails_with_the_nodes_error()
    {
        var rpc = new ScriptedRpcClient(Client) { OnCall = RefuseMoreThan(1) };
        var reader = new LogReader(rpc);

        var error = await Assert.ThrowsAsync<RpcErrorException>(
            () => reader.ReadAsync(new LogFilter(), history.FromBlock, history.ToBlock, 50).ToListAsync().AsTask());

        Assert.Contains("more than 1 results", error.RpcMessage);
        var last = rpc.CallsOf("eth_getLogs")[^1];
        Assert.Equal(1UL, Span(RangeOf(last)));
        Assert.Same(error, last.Error);
    }

    [Fact]
    public async Task Other_errors_are_not_taken_for_an_answer_too_large()
    {
        var rpc = new ScriptedRpcClient(Client)
        {
            OnCall = (method, _, forward) => method == "eth_getLogs"
                ? Task.FromException<JsonElement>(new RpcErrorException(method, -32602, "invalid params", null))
                : forward(),
        };

        await Assert.ThrowsAsync<RpcErrorException>(
            () => new LogReader(rpc).ReadAsync(new LogFilter(), history.FromBlock, history.ToBlock, 50).ToListAsync().AsTask());

        Assert.Single(rpc.CallsOf("eth_getLogs"));
    }

    [Fact]
    public async Task Pages_reach_the_top_of_the_block_number_range_without_overflow()
    {
        using var empty = JsonDocument.Parse("[]");
        var emptyResult = empty.RootElement.Clone();
        var rpc = new ScriptedRpcClient(Client) { OnCall = (_, _, _) => Task.FromResult(emptyResult) };

        await new LogReader(rpc).ReadAsync(new LogFilter(), ulong.MaxValue - 9, ulong.MaxValue, 4).ToListAsync();

        Assert.Equal(
            [(ulong.MaxValue - 9, ulong.MaxValue - 6), (ulong.MaxValue - 5, ulong.MaxValue - 2), (ulong.MaxValue - 1, ulong.MaxValue)],
            rpc.CallsOf("eth_getLogs").Select(RangeOf));
    }

    [Fact]
    public async Task Logs_decode_into_the_gates_typed_events_and_unknown_events_are_skipped()
    {
        var reader = new LogReader(Client);

        var decoded = await reader.ReadDecodedAsync(new LogFilter(), history.FromBlock, history.ToBlock, 10, GateContract.Abi).ToListAsync();

        Assert.Equal(LogHistoryFixture.GateEvents, decoded.Count);
        for (var i = 0; i < decoded.Count; i++)
        {
            Assert.Equal("Passed", decoded[i].Event.Event.Name);
            Assert.Equal(new BigInteger(i + 1), decoded[i].Event.Values["value"]);
            Assert.Equal(history.GateCaller.Address, decoded[i].Event.Values["sender"]);
            Assert.Equal(history.Gate, decoded[i].Log.Address);
        }
    }

    [Fact]
    public async Task Unknown_events_can_be_made_an_error_instead()
    {
        var reader = new LogReader(Client);

        var error = await Assert.ThrowsAsync<AbiDecodingException>(() => reader.ReadDecodedAsync(
            new LogFilter(), history.FromBlock, history.ToBlock, 10, GateContract.Abi, UnknownEventHandling.Throw).ToListAsync().AsTask());

        Assert.Contains(Hex.Encode(EvmCode.EventTopic), error.Message);
        Assert.Contains(history.Emitter.ToString(), error.Message);
    }

    [Fact]
    public async Task A_log_of_a_known_event_that_does_not_decode_as_it_is_an_error_even_when_skipping_unknown_ones()
    {
        // The emitter's event declared without its indexed topic: same topic 0, another layout.
        var decoder = new EventLogDecoder(ContractAbi.Parse("""
            [{"type":"event","name":"Anchored","anonymous":false,"inputs":[{"name":"key","type":"bytes32","indexed":false}]}]
            """));
        var emitterLog = (await Client.GetLogsAsync(new LogFilter { Addresses = [history.Emitter], FromBlock = history.FromBlock, ToBlock = history.ToBlock }))[0];

        Assert.Throws<AbiDecodingException>(() => decoder.TryDecode(emitterLog));
        Assert.Null(new EventLogDecoder(GateContract.Abi).TryDecode(emitterLog));
    }

    [Fact]
    public void Bad_arguments_fail_when_the_read_is_asked_for_not_when_it_is_enumerated()
    {
        var reader = new LogReader(Client);

        Assert.Throws<ArgumentException>(() => reader.ReadAsync(new LogFilter { FromBlock = 1 }, 1, 2, 10));
        Assert.Throws<ArgumentException>(() => reader.ReadAsync(new LogFilter(), 3, 2, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadAsync(new LogFilter(), 1, 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadAsync(new LogFilter(), 1, 2, LogReader.MaxBlocksPerPageLimit + 1));
        Assert.Throws<ArgumentNullException>(() => reader.ReadDecodedAsync(new LogFilter(), 1, 2, 10, null!));
    }

    private static ScriptedRpcClient.CallHandler RefuseMoreThan(int maxResults) => async (method, _, forward) =>
    {
        var result = await forward();
        if (method == "eth_getLogs" && result.GetArrayLength() > maxResults)
            throw new RpcErrorException(method, -32005, $"query returned more than {maxResults} results", null);
        return result;
    };

    private static (ulong From, ulong To) RangeOf(RecordedCall call)
    {
        var filter = call.Parameters[0]!.AsObject();
        return (Quantity(filter["fromBlock"]), Quantity(filter["toBlock"]));
    }

    private static ulong Quantity(JsonNode? node) => HexQuantity.ParseUInt64(node!.GetValue<string>());

    private static ulong Span((ulong From, ulong To) range) => range.To - range.From + 1;

    private static string Describe(LogEntry log) => string.Join("/",
        log.BlockNumber.ToString(CultureInfo.InvariantCulture), log.LogIndex.ToString(CultureInfo.InvariantCulture),
        log.TransactionHash, log.Address, string.Join(",", log.Topics), Hex.Encode(log.Data));
}
