using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Chain.Primitives;
using Ledger.Chain.Rpc;

namespace Ledger.Chain.Tests.Rpc;

/// <summary>
/// The JSON-RPC envelope against a scripted server: answers a real node gives only rarely
/// (out of order, broken, refused, oversized) must end in the right typed outcome.
/// </summary>
public class JsonRpcProtocolTests
{
    [Fact]
    public async Task Batch_answers_in_reverse_order_are_matched_to_their_requests_by_id()
    {
        await using var server = ScriptedHttpServer.Start(request =>
            ScriptedReply.Json(new JsonArray([.. request!.AsArray().Reverse().Select(call => Answer(call!, call!["params"]![0]!.DeepClone()))])));
        using var client = new JsonRpcClient(server.Url);
        var requests = Enumerable.Range(0, 50).Select(i => new RpcRequest("echo", [$"value-{i}"])).ToList();

        var responses = await client.SendBatchAsync(requests);

        Assert.Equal(50, responses.Count);
        for (var i = 0; i < 50; i++)
            Assert.Equal($"value-{i}", responses[i].GetResultOrThrow().GetString());
    }

    [Fact]
    public async Task A_refused_call_in_a_batch_is_an_error_response_while_the_others_succeed()
    {
        await using var server = ScriptedHttpServer.Start(request => ScriptedReply.Json(new JsonArray([.. request!.AsArray().Select(call =>
            call!["method"]!.GetValue<string>() == "bad"
                ? ErrorAnswer(call, -32601, "the method bad does not exist/is not available")
                : Answer(call, "ok"))])));
        using var client = new JsonRpcClient(server.Url);

        var responses = await client.SendBatchAsync([new RpcRequest("good"), new RpcRequest("bad"), new RpcRequest("good")]);

        Assert.Equal("ok", responses[0].GetResultOrThrow().GetString());
        Assert.True(responses[1].IsError);
        var error = Assert.Throws<RpcErrorException>(() => responses[1].GetResultOrThrow());
        Assert.Equal(-32601, error.Code);
        Assert.Equal("bad", error.Method);
        Assert.Equal("ok", responses[2].GetResultOrThrow().GetString());
    }

    [Fact]
    public async Task A_batch_refused_as_a_whole_throws_the_node_s_error()
    {
        await using var server = ScriptedHttpServer.Start(_ => ScriptedReply.Json(
            new JsonObject { ["jsonrpc"] = "2.0", ["id"] = null, ["error"] = new JsonObject { ["code"] = -32005, ["message"] = "Number of requests exceeds max batch size" } }));
        using var client = new JsonRpcClient(server.Url);

        var error = await Assert.ThrowsAsync<RpcErrorException>(() => client.SendBatchAsync([new RpcRequest("a"), new RpcRequest("b")]));

        Assert.Equal(-32005, error.Code);
        Assert.Contains("max batch size", error.RpcMessage);
    }

    [Theory]
    [InlineData("missing", "not answered")]
    [InlineData("duplicate", "answered twice")]
    [InlineData("foreign", "was not asked")]
    public async Task A_batch_answer_that_does_not_match_the_requests_is_a_transport_failure(string defect, string expected)
    {
        await using var server = ScriptedHttpServer.Start(request =>
        {
            var answers = request!.AsArray().Select(call => Answer(call!, "ok")).ToList();
            switch (defect)
            {
                case "missing": answers.RemoveAt(1); break;
                case "duplicate": answers[1]["id"] = answers[0]["id"]!.DeepClone(); break;
                case "foreign": answers[1]["id"] = 999_999; break;
            }
            return ScriptedReply.Json(new JsonArray([.. answers]));
        });
        using var client = new JsonRpcClient(server.Url);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.SendBatchAsync([new RpcRequest("a"), new RpcRequest("b"), new RpcRequest("c")]));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task The_request_is_a_json_rpc_2_envelope_with_positional_parameters()
    {
        await using var server = ScriptedHttpServer.Start(request => ScriptedReply.Json(Answer(request!, true)));
        using var client = new JsonRpcClient(server.Url);

        await client.SendAsync("eth_getBalance", ["0xabc", "latest", 7, null, new JsonObject { ["x"] = 1 }]);

        var sent = server.Requests.Single()!;
        Assert.Equal("2.0", sent["jsonrpc"]!.GetValue<string>());
        Assert.Equal("eth_getBalance", sent["method"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Number, sent["id"]!.GetValueKind());
        Assert.Equal("""["0xabc","latest",7,null,{"x":1}]""", sent["params"]!.ToJsonString());
    }

    [Fact]
    public async Task A_log_filter_is_sent_with_or_sets_wildcards_and_one_or_many_addresses()
    {
        await using var server = ScriptedHttpServer.Start(request => ScriptedReply.Json(Answer(request!, new JsonArray())));
        using var client = new JsonRpcClient(server.Url);
        var (a, b) = (new Hash32(Keccak256.HashUtf8("a")), new Hash32(Keccak256.HashUtf8("b")));
        var (one, two) = (new Address(Keccak256.HashUtf8("one")[..20]), new Address(Keccak256.HashUtf8("two")[..20]));

        await client.GetLogsAsync(new LogFilter { Addresses = [one], Topics = [[a], null, [a, b]], FromBlock = 5, ToBlock = BlockTag.Latest });
        await client.GetLogsAsync(new LogFilter { Addresses = [one, two] });

        var first = server.Requests[0]!["params"]![0]!;
        Assert.Equal(Hex.Encode(one.Bytes), first["address"]!.GetValue<string>());
        Assert.Equal($"""["{a}",null,["{a}","{b}"]]""", first["topics"]!.ToJsonString());
        Assert.Equal("0x5", first["fromBlock"]!.GetValue<string>());
        Assert.Equal("latest", first["toBlock"]!.GetValue<string>());
        var second = server.Requests[1]!["params"]![0]!;
        Assert.Equal($"""["{Hex.Encode(one.Bytes)}","{Hex.Encode(two.Bytes)}"]""", second["address"]!.ToJsonString());
        Assert.Null(second["topics"]);
    }

    [Fact]
    public async Task An_answer_with_another_id_is_a_transport_failure()
    {
        await using var server = ScriptedHttpServer.Start(request =>
            ScriptedReply.Json(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request!["id"]!.GetValue<long>() + 1, ["result"] = "0x1" }));
        using var client = new JsonRpcClient(server.Url);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.GetBlockNumberAsync());

        Assert.Contains("the request had id", error.Message);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_transport_failure()
    {
        await using var server = ScriptedHttpServer.Start(_ => ScriptedReply.Text("<html>proxy error</html>"));
        using var client = new JsonRpcClient(server.Url);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.GetBlockNumberAsync());

        Assert.Contains("not JSON", error.Message);
        Assert.Equal(RpcEndpointName.Of(server.Url), error.Endpoint);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Overload_and_server_error_statuses_are_transport_failures_even_with_a_json_rpc_body(int status)
    {
        await using var server = ScriptedHttpServer.Start(request => ScriptedReply.Json(Answer(request!, "0x1"), status));
        using var client = new JsonRpcClient(server.Url);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.GetBlockNumberAsync());

        Assert.Contains($"HTTP {status}", error.Message);
    }

    [Fact]
    public async Task A_json_rpc_error_sent_with_http_400_is_the_node_s_error()
    {
        await using var server = ScriptedHttpServer.Start(request => ScriptedReply.Json(ErrorAnswer(request!, -32602, "Invalid params"), 400));
        using var client = new JsonRpcClient(server.Url);

        var error = await Assert.ThrowsAsync<RpcErrorException>(() => client.GetBlockNumberAsync());

        Assert.Equal(-32602, error.Code);
    }

    [Fact]
    public async Task A_non_json_rpc_body_with_http_404_reports_the_status()
    {
        await using var server = ScriptedHttpServer.Start(_ => ScriptedReply.Text("not found", 404));
        using var client = new JsonRpcClient(server.Url);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.GetBlockNumberAsync());

        Assert.Contains("HTTP 404", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_response_over_the_size_limit_is_refused(bool chunked)
    {
        const int limit = 10_000;
        await using var server = ScriptedHttpServer.Start(request =>
        {
            var reply = ScriptedReply.Json(Answer(request!, new string('a', limit)));
            return reply with { Chunked = chunked };
        });
        using var client = new JsonRpcClient(server.Url, new JsonRpcClientOptions { MaxResponseBytes = limit });

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.SendAsync("big", []));

        Assert.Contains("larger than the 10000-byte limit", error.Message);
    }

    [Fact]
    public async Task A_response_just_under_the_size_limit_is_read()
    {
        await using var server = ScriptedHttpServer.Start(request => ScriptedReply.Json(Answer(request!, new string('a', 9_000)), 200) with { Chunked = true });
        using var client = new JsonRpcClient(server.Url, new JsonRpcClientOptions { MaxResponseBytes = 10_000 });

        var result = await client.SendAsync("big", []);

        Assert.Equal(9_000, result.GetString()!.Length);
    }

    [Fact]
    public async Task A_besu_style_revert_surfaces_its_data()
    {
        var revertData = Keccak256.HashUtf8("revert payload");
        await using var server = ScriptedHttpServer.Start(request =>
            ScriptedReply.Json(ErrorAnswer(request!, -32000, "Execution reverted", Hex.Encode(revertData))));
        using var client = new JsonRpcClient(server.Url);

        var error = await Assert.ThrowsAsync<RpcRevertException>(() => client.CallAsync(new CallRequest { To = Address.Zero }));

        Assert.Equal(revertData, error.RevertData.ToArray());
        Assert.Equal(-32000, error.Code);
    }

    [Fact]
    public async Task A_revert_whose_data_is_not_hex_has_empty_revert_data()
    {
        await using var server = ScriptedHttpServer.Start(request =>
            ScriptedReply.Json(ErrorAnswer(request!, 3, "execution reverted", "permit exhausted")));
        using var client = new JsonRpcClient(server.Url);

        var error = await Assert.ThrowsAsync<RpcRevertException>(() => client.CallAsync(new CallRequest { To = Address.Zero }));

        Assert.True(error.RevertData.IsEmpty);
        Assert.Equal("permit exhausted", error.ErrorData!.Value.GetString());
    }

    [Fact]
    public async Task An_error_for_an_unparseable_request_with_a_null_id_belongs_to_the_call()
    {
        await using var server = ScriptedHttpServer.Start(_ => ScriptedReply.Json(
            new JsonObject { ["jsonrpc"] = "2.0", ["id"] = null, ["error"] = new JsonObject { ["code"] = -32700, ["message"] = "Parse error" } }));
        using var client = new JsonRpcClient(server.Url);

        var error = await Assert.ThrowsAsync<RpcErrorException>(() => client.GetChainIdAsync());

        Assert.Equal(-32700, error.Code);
    }

    [Theory]
    [InlineData(-32601, "Method not found")]
    [InlineData(-32000, "method eth_maxPriorityFeePerGas not supported")]
    public async Task Max_priority_fee_is_null_where_the_node_does_not_offer_it(int code, string message)
    {
        await using var server = ScriptedHttpServer.Start(request => ScriptedReply.Json(ErrorAnswer(request!, code, message)));
        using var client = new JsonRpcClient(server.Url);

        Assert.Null(await client.GetMaxPriorityFeePerGasAsync());
    }

    [Fact]
    public async Task Other_errors_of_max_priority_fee_are_not_swallowed()
    {
        await using var server = ScriptedHttpServer.Start(request => ScriptedReply.Json(ErrorAnswer(request!, -32000, "internal error")));
        using var client = new JsonRpcClient(server.Url);

        await Assert.ThrowsAsync<RpcErrorException>(() => client.GetMaxPriorityFeePerGasAsync());
    }

    [Theory]
    [InlineData("12")]
    [InlineData("0x")]
    [InlineData("0x1g")]
    [InlineData("0x10000000000000000")]
    public async Task A_malformed_quantity_in_a_result_is_reported_with_the_method(string quantity)
    {
        await using var server = ScriptedHttpServer.Start(request => ScriptedReply.Json(Answer(request!, quantity)));
        using var client = new JsonRpcClient(server.Url);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.GetBlockNumberAsync());

        Assert.Equal("eth_blockNumber", error.Method);
        Assert.Contains("unusable result", error.Message);
    }

    [Fact]
    public async Task A_receipt_missing_a_required_field_names_the_field()
    {
        await using var server = ScriptedHttpServer.Start(request => ScriptedReply.Json(Answer(request!, new JsonObject { ["transactionHash"] = Hash32.Zero.ToString() })));
        using var client = new JsonRpcClient(server.Url);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.GetTransactionReceiptAsync(Hash32.Zero));

        Assert.Contains("\"transactionIndex\"", error.Message);
    }

    [Fact]
    public async Task Credentials_in_the_endpoint_url_never_reach_an_error_message()
    {
        var port = Ledger.Testing.FreePort.Next();
        using var client = new JsonRpcClient(new Uri($"http://operator:s3cret-pass@127.0.0.1:{port}/v3/api-key-123?token=tok-456"));

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.GetChainIdAsync());

        foreach (var secret in new[] { "s3cret-pass", "operator", "api-key-123", "tok-456" })
        {
            Assert.DoesNotContain(secret, error.Message);
            Assert.DoesNotContain(secret, error.ToString());
            Assert.DoesNotContain(secret, client.ToString());
        }
        Assert.Equal($"http://127.0.0.1:{port}", error.Endpoint);
    }

    [Fact]
    public async Task An_oversized_batch_is_refused_before_sending()
    {
        await using var server = ScriptedHttpServer.Start(request => ScriptedReply.Json(Answer(request!, "never")));
        using var client = new JsonRpcClient(server.Url, new JsonRpcClientOptions { MaxBatchSize = 3 });

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendBatchAsync(Enumerable.Repeat(new RpcRequest("x"), 4).ToList()));
        Assert.Empty(await client.SendBatchAsync([]));
        Assert.Empty(server.Requests);
    }

    private static JsonObject Answer(JsonNode call, JsonNode? result) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = call["id"]!.DeepClone(), ["result"] = result };

    private static JsonObject ErrorAnswer(JsonNode call, long code, string message, JsonNode? data = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (data is not null)
            error["data"] = data;
        return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = call["id"]!.DeepClone(), ["error"] = error };
    }
}
