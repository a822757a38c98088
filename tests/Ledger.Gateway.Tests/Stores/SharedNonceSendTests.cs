using System.Numerics;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Primitives;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Ledger.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace Ledger.Gateway.Tests.Stores;

/// <summary>
/// Two replicas sending from one key through the Redis lease, against a real node (anvil): the
/// node's own record of the account's transactions shows every nonce used once, in order, with
/// no gap, also around sends the node refused (their nonces go back) and with the next nonce
/// handed from holder to holder instead of counted at the node each time.
/// </summary>
public sealed class SharedNonceSendTests(RedisConnectionFixture redis) : IClassFixture<RedisConnectionFixture>, IRequiresRedis
{
    private const int Accepted = 60;
    private const int Refused = 6;

    private static readonly TransactionSenderOptions Sending = TestOptions.FastSending;

    [StoreFact]
    public async Task Two_replicas_use_every_nonce_once_in_order_and_refused_sends_use_none()
    {
        await using var anvil = await AnvilDevnet.StartAsync(new AnvilDevnetOptions { BlockTime = TimeSpan.FromMilliseconds(300), ZeroGasPrice = true });
        var account = anvil.Accounts[1];
        var recipient = anvil.Accounts[2].Address;
        var options = TestOptions.Stores(o => o.KeyPrefix = "shared-send-" + Guid.NewGuid().ToString("N") + ":");
        var replicas = Enumerable.Range(0, 2).Select(_ => Replica(anvil, account, options)).ToArray();
        var balance = (await anvil.Web3.Eth.GetBalance.SendRequestAsync(account.Address.ToLowerHex())).Value;
        var start = await CountAsync(anvil.Client, account.Address, BlockParameter.CreatePending());

        var sends = Enumerable.Range(0, Accepted + Refused).Select(i => Task.Run(async () =>
        {
            var refused = i % ((Accepted + Refused) / Refused) == 0;
            // More than the account holds: the node refuses it at eth_sendRawTransaction.
            var value = refused ? balance * 2 : BigInteger.One;
            try
            {
                var outcome = await replicas[i % 2].SendAsync(new TransactionRequest(recipient, ReadOnlyMemory<byte>.Empty, value, 21_000));
                return (Refused: refused, Hash: (Bytes32?)outcome.Hash, Error: (Exception?)null);
            }
            catch (RpcResponseException e)
            {
                return (Refused: refused, Hash: null, Error: e);
            }
        })).ToArray();
        var results = await Task.WhenAll(sends);

        Assert.All(results.Where(r => r.Refused), r => Assert.NotNull(r.Error));
        Assert.All(results.Where(r => !r.Refused), r => Assert.Null(r.Error));
        var nonces = new List<ulong>();
        foreach (var hash in results.Where(r => r.Hash is not null).Select(r => r.Hash!.Value))
            nonces.Add((ulong)(await anvil.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash.ToHex())).Nonce.Value);
        Assert.Equal(Enumerable.Range(0, Accepted).Select(i => start + (ulong)i), nonces.Order());
        Assert.Equal(start + Accepted, await CountAsync(anvil.Client, account.Address, BlockParameter.CreateLatest()));
        Assert.Equal(start + Accepted, await CountAsync(anvil.Client, account.Address, BlockParameter.CreatePending()));
    }

    private TransactionSender Replica(AnvilDevnet anvil, DevAccount account, IOptions<StoreOptions> options)
    {
        var lease = new FallbackNonceLease(
            new RedisNonceLease(redis.Connection, new RedisKeys(options), new RedisOutageMonitor(TimeProvider.System, NullLogger<RedisOutageMonitor>.Instance),
                options, TimeProvider.System),
            new InMemoryNonceLease(options));
        var nonces = new AccountNonces(anvil.Client, account.Address, lease, TimeSpan.FromSeconds(30));
        return new TransactionSender(anvil.Client, account.Key(), anvil.ChainId, Sending, nonces: nonces);
    }

    private static async Task<ulong> CountAsync(IClient client, Address account, BlockParameter block) =>
        (ulong)(await new Web3(client).Eth.Transactions.GetTransactionCount.SendRequestAsync(account.ToLowerHex(), block)).Value;
}
