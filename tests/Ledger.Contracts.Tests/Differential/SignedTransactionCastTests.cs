using System.Globalization;
using System.Numerics;
using Ledger.Contracts.Tests.Devnet;
using Nethereum.Signer;

namespace Ledger.Contracts.Tests.Differential;

/// <summary>
/// The signed EIP-1559 transactions the sender broadcasts are byte for byte what <c>cast mktx</c>
/// makes from the same key and fields: for seeded random fields, and for a transaction the
/// bindings really sent (its raw bytes as the node holds them).
/// </summary>
public sealed class SignedTransactionCastTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private const int Cases = 60;

    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task Signed_transactions_equal_cast_mktx_for_random_fields()
    {
        var account = Net.Devnet.Accounts[9];
        var sender = new TransactionSender(Net.Rpc, new EthECKey(account.PrivateKeyHex), Net.Devnet.ChainId);
        var random = new Random(47);
        var cases = Enumerable.Range(0, Cases).Select(_ =>
        {
            var to = TestData.RandomAddress();
            var data = new byte[random.Next(1, 300)];
            random.NextBytes(data);
            return (Request: new TransactionRequest(to, data, Value: random.Next(0, 3) == 0 ? random.NextInt64() : 0),
                Nonce: (ulong)random.NextInt64(0, 1_000_000), Gas: (ulong)random.Next(21_000, 15_000_000),
                Tip: new BigInteger(random.NextInt64(0, 10_000_000_000)), MaxFee: new BigInteger(random.NextInt64(10_000_000_000, long.MaxValue)));
        }).ToArray();

        var expected = await CastInParallel.RunAsync(cases.Select(c => MktxArguments(account.PrivateKeyHex, c.Request, c.Nonce, c.Gas, c.Tip, c.MaxFee)).ToArray());
        for (var i = 0; i < cases.Length; i++)
        {
            var (request, nonce, gas, tip, maxFee) = cases[i];
            Assert.Equal(expected[i], sender.Sign(request, nonce, gas, tip, maxFee));
        }
    }

    [Fact]
    public async Task A_transaction_the_bindings_sent_is_what_cast_mktx_makes_of_its_fields()
    {
        var agency = TestData.RandomAddress();
        var designated = await Net.IssuerFR.Authorities.DesignateAsync(agency, AuthorityKind.SingleWindow, AuthorityCode.FromText("SW-FR"));
        var mined = await Net.Rpc.GetTransactionByHashAsync(designated.Hash) ?? throw new Xunit.Sdk.XunitException("The sent transaction is unknown.");
        var raw = await Net.Rpc.SendRequestAsync<string>("eth_getRawTransactionByHash", null, designated.Hash.ToHex());

        var key = Net.Devnet.Accounts.Single(a => a.Address == Net.IssuerFR.Address).PrivateKeyHex;
        var request = new TransactionRequest(Address.Parse(mined.To.ToLowerInvariant()), Convert.FromHexString(mined.Input.AsSpan(2)), mined.Value.Value);
        var expected = await CastInParallel.RunAsync([MktxArguments(key, request, (ulong)mined.Nonce.Value, (ulong)mined.Gas.Value,
            mined.MaxPriorityFeePerGas.Value, mined.MaxFeePerGas.Value)]);
        Assert.Equal(expected[0], raw);
        Assert.Equal(designated.Hash, Keccak.Hash(Convert.FromHexString(raw.AsSpan(2))));
    }

    private IReadOnlyList<string> MktxArguments(string key, TransactionRequest request, ulong nonce, ulong gas, BigInteger tip, BigInteger maxFee) =>
    [
        "mktx", "--private-key", key, "--chain", Net.Devnet.ChainId.ToString(CultureInfo.InvariantCulture),
        "--nonce", nonce.ToString(CultureInfo.InvariantCulture), "--gas-limit", gas.ToString(CultureInfo.InvariantCulture),
        "--priority-gas-price", tip.ToString(CultureInfo.InvariantCulture), "--gas-price", maxFee.ToString(CultureInfo.InvariantCulture),
        "--value", request.Value.ToString(CultureInfo.InvariantCulture),
        request.To!.Value.ToString(), HexText.Of(request.Data.Span),
    ];
}
