using System.Diagnostics.Metrics;
using Google.Protobuf;
using Ledger.Api.V1;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Gateway.Application;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Follower;
using Ledger.Gateway.Observability;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ledger.Gateway.Tests.Application;

/// <summary>
/// A verify answered by the near cache, as the gateway wires it (the counting decorator over the
/// near cache over a real Redis): parsed once per value held, and still refused when the issuer's
/// status changed after the answer's block. The chain is never meant to be asked: it throws.
/// </summary>
public sealed class VerifyPermitCacheHitTests(RedisConnectionFixture redis) : IClassFixture<RedisConnectionFixture>, IRequiresRedis, IDisposable
{
    private const ulong AnswerBlock = 40;
    private static readonly Address Issuer = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    private readonly ServiceProvider _metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly AuthorityStatusChanges _statusChanges = new();

    public void Dispose() => _metricsServices.Dispose();

    [StoreFact]
    public async Task A_near_hit_serves_the_answer_parsed_when_the_value_was_kept_not_a_new_parse()
    {
        var (handler, request) = await HandlerWithHeldAnswerAsync();

        var first = await handler.HandleAsync(request, CancellationToken.None);
        var second = await handler.HandleAsync(request, CancellationToken.None);

        Assert.Equal(VerificationStatus.Valid, first.Status);
        Assert.Same(first, second);
    }

    [StoreFact]
    public async Task A_near_hit_is_refused_once_the_issuers_status_changed_after_the_answers_block()
    {
        var (handler, request) = await HandlerWithHeldAnswerAsync();
        Assert.Equal(VerificationStatus.Valid, (await handler.HandleAsync(request, CancellationToken.None)).Status);

        _statusChanges.Record(Issuer, AnswerBlock + 1);

        await Assert.ThrowsAsync<ChainAskedException>(() => handler.HandleAsync(request, CancellationToken.None));
    }

    /// <summary>A handler whose near cache holds a VALID answer of a new permit, read at <see cref="AnswerBlock"/>.</summary>
    private async Task<(VerifyPermitHandler Handler, VerifyPermitRequest Request)> HandlerWithHeldAnswerAsync()
    {
        var near = NearCacheReplica.Create(redis.Connection, TestOptions.Stores());
        await near.AwaitLiveAsync();
        var id = PermitId.Parse($"CH/2026/{Random.Shared.Next(1_000_000):D6}");
        var answer = new VerifyPermitResponse
        {
            PermitId = id.ToString(),
            PermitKey = id.Key.ToString(),
            Status = VerificationStatus.Valid,
            Issuer = new AuthorityRef { Address = Issuer.ToString(), Country = "CH" },
            AsOfBlock = AnswerBlock,
        };
        await near.Cache.SetAsync(id.Key.ToString(), answer.ToByteArray(), AnswerBlock, TimeSpan.FromMinutes(5));
        await near.AwaitHeldAsync(id.Key.ToString());
        var metrics = new GatewayMetrics(_metricsServices.GetRequiredService<IMeterFactory>(), new NodeStatusSnapshot());
        var chain = new PermitReadCoalescer((_, _) => throw new ChainAskedException());
        // No ledger: a cache hit does not touch it, and a miss stops at the chain read above.
        var handler = new VerifyPermitHandler(null!, chain, new CountingVerificationCache(near.Cache, metrics), _statusChanges,
            NullLogger<VerifyPermitHandler>.Instance);
        return (handler, new VerifyPermitRequest { PermitId = id.ToString() });
    }

    private sealed class ChainAskedException() : Exception("the chain was asked: the cached answer was not served");
}
