using Ledger.Contracts.Errors;
using Ledger.Contracts.Tests.Devnet;

namespace Ledger.Contracts.Tests.Ethereum;

/// <summary>
/// Many writes at once from one key, some refused by the contract: every accepted one mined once,
/// nonces from the account's start without gap or repeat, and the refused ones consume none.
/// </summary>
public sealed class ConcurrentSendTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private const int Accepted = 200;
    private const int Refused = 20;

    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task Two_hundred_concurrent_sends_use_consecutive_nonces_and_refused_ones_use_none()
    {
        var issuer = Net.IssuerNO;
        var start = await Net.Rpc.GetTransactionCountAsync(issuer.Address, BlockParameter.CreatePending());
        var now = await Net.ChainTimeAsync();
        var taken = TestData.Permit(now);
        await issuer.Permits.RegisterAsync(taken);
        var permits = Enumerable.Range(0, Accepted).Select(_ => TestData.Permit(now)).ToArray();

        // Registering an existing key again is refused at estimation: nothing is sent for it.
        var sends = permits.Select(p => (Task)issuer.Permits.RegisterAsync(p))
            .Concat(Enumerable.Range(0, Refused).Select(_ => Expect.Refusal<PermitAlreadyRegistered>(() => issuer.Permits.RegisterAsync(taken))))
            .OrderBy(_ => Random.Shared.Next())
            .ToArray();
        await Task.WhenAll(sends);

        var outcomes = await Task.WhenAll(permits.Select(p => Net.Deployer.Permits.VerifyAsync(p.Key)));
        Assert.All(outcomes, v => Assert.Equal(VerificationStatus.Valid, v.Status));
        var end = await Net.Rpc.GetTransactionCountAsync(issuer.Address, BlockParameter.CreateLatest());
        Assert.Equal(start + 1 + Accepted, end);
        Assert.Equal(end, await Net.Rpc.GetTransactionCountAsync(issuer.Address, BlockParameter.CreatePending()));
    }
}
