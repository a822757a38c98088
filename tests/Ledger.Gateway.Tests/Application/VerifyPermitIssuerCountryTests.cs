using Ledger.Api.V1;
using Ledger.Contracts.Permits;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Gateway.Application;
using Ledger.Gateway.Chain;
using Ledger.Gateway.Follower;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ApiReason = Ledger.Api.V1.VerificationReason;
using ApiStatus = Ledger.Api.V1.VerificationStatus;
using ChainPermitType = Ledger.Contracts.PermitType;
using ChainReason = Ledger.Contracts.VerificationReason;
using ChainStatus = Ledger.Contracts.VerificationStatus;
using CountryBytes = Ledger.Contracts.CountryBytes;
using CoreAuthorityStatus = Ledger.Core.Authorities.AuthorityStatus;

namespace Ledger.Gateway.Tests.Application;

/// <summary>
/// The contracts accept any active issuer for any permit number, so an FR authority calling
/// them directly can register CH/2026/000123, and their <c>verify</c> then says VALID. The
/// gateway must not: the chain read here is scripted with what <c>verify</c> returns in that case.
/// </summary>
public sealed class VerifyPermitIssuerCountryTests
{
    private static readonly PermitId Id = PermitId.Parse("CH/2026/000123");
    private static readonly DateTimeOffset Now = new(2026, 4, 15, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_number_registered_by_another_countrys_issuer_is_not_available_whatever_the_contract_says()
    {
        var valid = await VerifyAsync(Anchored("FR", ChainStatus.Valid, ChainReason.None, cancelReason: 0));
        var cancelled = await VerifyAsync(Anchored("FR", ChainStatus.Cancelled, ChainReason.Cancelled, cancelReason: 3));

        foreach (var answer in new[] { valid, cancelled })
        {
            Assert.Equal(ApiStatus.NotAvailable, answer.Status);
            Assert.Equal(ApiReason.IssuerNotOfPermitCountry, answer.Reason);
            Assert.Contains("registered by an authority of FR, but the number is one of CH: not a genuine permit", answer.StatusText, StringComparison.Ordinal);
            // The facts stay visible: they say who squatted the number.
            Assert.Equal("FR", answer.Issuer.Country);
        }
    }

    [Fact]
    public async Task The_same_facts_registered_by_the_numbers_own_country_are_valid() =>
        Assert.Equal(ApiStatus.Valid, (await VerifyAsync(Anchored("CH", ChainStatus.Valid, ChainReason.None, cancelReason: 0))).Status);

    private static async Task<VerifyPermitResponse> VerifyAsync(PermitVerificationView view)
    {
        var time = new FakeTimeProvider(Now);
        var snapshot = new PermitSnapshot(OnChainPermit.From(view), CoreAuthorityStatus.Active, 12);
        var chain = new PermitReadCoalescer((keys, _) => Task.FromResult<IReadOnlyList<PermitSnapshot>>(keys.Select(_ => snapshot).ToArray()));
        // Only the clock of the ledger access is used on a verify: the chain read is the coalescer's.
        var ledger = new LedgerAccess(null!, null!, null!, null!, null!, time);
        var handler = new VerifyPermitHandler(ledger, chain, new InMemoryVerificationCache(time, TestOptions.Stores()), new AuthorityStatusChanges(),
            NullLogger<VerifyPermitHandler>.Instance);
        return await handler.HandleAsync(new VerifyPermitRequest { PermitId = Id.Normalised }, CancellationToken.None);
    }

    /// <summary>What <c>verify</c> returns for <see cref="Id"/> registered by an active issuer of <paramref name="issuerCountry"/>.</summary>
    private static PermitVerificationView Anchored(string issuerCountry, ChainStatus status, ChainReason reason, byte cancelReason) =>
        new(status, reason, Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), CountryBytes.FromCode(issuerCountry),
            ChainPermitType.CitesExport, (ulong)Now.AddDays(-10).ToUnixTimeSeconds(), (ulong)Now.AddDays(10).ToUnixTimeSeconds(),
            CountryBytes.FromCode("DE"), [(UInt128)5], [(UInt128)0], 0, 1, Bytes32.Zero, Bytes32.Zero, Bytes32.Zero, cancelReason);
}
