using Ledger.Contracts;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Errors;
using Ledger.Core.Primitives;
using Ledger.Gateway.Chain;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nethereum.JsonRpc.Client;

namespace Ledger.Gateway.Tests.Chain;

/// <summary>
/// The keyring gate against a fake node and clock: nothing passes before the check did, a node
/// outage costs a burst of writes one check rather than one each, and a pass that left an
/// account undesignated does not outlive another country designating it.
/// </summary>
public sealed class KeyringAuthorityGateTests : IDisposable
{
    private static readonly Address Registry = Address.Parse("0x00000000000000000000000000000000000000aa");
    private static readonly Address Issuer = Address.Parse("0x1111111111111111111111111111111111111111");
    private static readonly Address Newcomer = Address.Parse("0x2222222222222222222222222222222222222222");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new();
    private readonly ProfileNode _node = new();
    private readonly NodePool _pool;
    private readonly KeyringAuthorityGate _gate;

    public KeyringAuthorityGateTests()
    {
        _pool = new NodePool([("fake-node", (IClient)_node)], timeProvider: _time);
        _gate = new KeyringAuthorityGate(new AuthorityRegistryContract(Registry, _pool), Options.Create(new GatewayChainOptions()), _time,
            NullLogger<KeyringAuthorityGate>.Instance);
        _node.SetProfile(Issuer, new AuthorityProfile(CountryBytes.FromCode("CH"), AuthorityKind.Issuer, AuthorityStatus.Active));
    }

    [Fact]
    public async Task Within_a_second_of_a_check_that_found_no_node_a_write_fails_at_once_then_the_node_is_asked_again()
    {
        _node.Away = true;
        var first = await Assert.ThrowsAsync<LedgerException>(() => _gate.EnsurePassedAsync([Issuer], CancellationToken.None));

        _node.Away = false; // back, but not asked until the window has passed
        _time.Advance(KeyringAuthorityGate.NoNodeWindow - TimeSpan.FromMilliseconds(1));
        var withinWindow = await Assert.ThrowsAsync<LedgerException>(() => _gate.EnsurePassedAsync([Issuer], CancellationToken.None));
        var callsWithinWindow = _node.Calls;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await _gate.EnsurePassedAsync([Issuer], CancellationToken.None);

        Assert.Equal(LedgerErrorKind.Unavailable, first.Kind);
        Assert.Equal(LedgerErrorKind.Unavailable, withinWindow.Kind);
        Assert.Equal(1, callsWithinWindow);
        Assert.Equal(2, _node.Calls);
    }

    [Fact]
    public async Task Writes_queued_behind_a_check_that_finds_no_node_fail_with_it_without_asking_the_nodes_each_in_turn()
    {
        _node.Away = true;
        _node.Hold();
        var checking = _gate.EnsurePassedAsync([Issuer], CancellationToken.None);
        await _node.Called.WaitAsync(Wait);
        var queued = Enumerable.Range(0, 3).Select(_ => _gate.EnsurePassedAsync([Issuer], CancellationToken.None)).ToArray();

        _node.Release();

        foreach (var write in queued.Prepend(checking))
            Assert.Equal(LedgerErrorKind.Unavailable, (await Assert.ThrowsAsync<LedgerException>(() => write.WaitAsync(Wait))).Kind);
        Assert.Equal(1, _node.Calls);
    }

    [Fact]
    public async Task A_write_waiting_behind_a_check_in_flight_ends_with_its_request()
    {
        _node.Hold();
        var checking = _gate.EnsurePassedAsync([Issuer], CancellationToken.None);
        await _node.Called.WaitAsync(Wait);
        using var request = new CancellationTokenSource();
        var queued = _gate.EnsurePassedAsync([Issuer], request.Token);

        await request.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Wait));
        _node.Release();
        await checking.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_pass_that_left_an_account_undesignated_is_refused_once_another_countrys_issuer_designates_it_and_stays_refused()
    {
        await _gate.EnsurePassedAsync([Issuer, Newcomer], CancellationToken.None);
        _node.SetProfile(Newcomer, new AuthorityProfile(CountryBytes.FromCode("FR"), AuthorityKind.Customs, AuthorityStatus.Active));

        var refused = await Assert.ThrowsAsync<LedgerException>(() => _gate.EnsurePassedAsync([Issuer, Newcomer], CancellationToken.None));
        _node.Away = true;
        _time.Advance(TimeSpan.FromMinutes(1));
        var stillRefused = await Assert.ThrowsAsync<LedgerException>(() => _gate.EnsurePassedAsync([Issuer, Newcomer], CancellationToken.None));

        Assert.Equal(LedgerErrorKind.FailedPrecondition, refused.Kind);
        Assert.Contains($"{Newcomer.ToChecksumHex()}: Customs of FR, Active", refused.Message, StringComparison.Ordinal);
        Assert.Equal(LedgerErrorKind.FailedPrecondition, stillRefused.Kind);
        Assert.Equal(4, _node.Calls); // two checks of two accounts each; the final refusal asked nothing more
    }

    [Fact]
    public async Task A_pass_with_every_account_designated_is_final()
    {
        await _gate.EnsurePassedAsync([Issuer], CancellationToken.None);
        _node.Away = true;

        await _gate.EnsurePassedAsync([Issuer], CancellationToken.None);

        Assert.Equal(1, _node.Calls);
    }

    public void Dispose() => _pool.Dispose();
}
