using System.Globalization;
using Ledger.Gateway.IntegrationTests.Support;
using Ledger.Testing;
using Nethereum.RPC.Eth.DTOs;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests.Fuzz;

/// <summary>What the fuzz tests read from and set up on their network: targets for the generator, the authorities' nonces, run settings.</summary>
public static class FuzzLedger
{
    /// <summary>Registers a few CH permits (destination FR) and lists the devnet accounts, for requests that get past the input checks.</summary>
    public static async Task<FuzzTargets> TargetsAsync(LedgerNetworkFixture network)
    {
        var permitIds = new List<string>();
        foreach (var lines in new[] { new ulong[] { 10 }, [5, 5] })
        {
            var draft = Permits.ExportDraft(Permits.NewId(), lines);
            await network.Permits.RegisterPermitAsync(Permits.Register(draft), As(Officials.ChIssuer));
            permitIds.Add(draft.PermitId);
        }
        var used = Permits.Register(Permits.ExportDraft(Permits.NewId()));
        await network.Permits.RegisterPermitAsync(used, As(Officials.ChIssuer));
        permitIds.Add(used.Permit.PermitId);
        var addresses = network.Devnet.Accounts.Select(a => a.Address.ToChecksumHex()).ToList();
        return new FuzzTargets(permitIds, addresses, used.RequestId);
    }

    /// <summary>The authority accounts every official acts for.</summary>
    public static IReadOnlyList<Ledger.Core.Primitives.Address> Accounts(LedgerNetworkFixture network) =>
        Officials.All.Values.Select(o => o.Account).Distinct().Select(i => network.Devnet.Accounts[i].Address).ToList();

    /// <summary>Every account's transaction count, pending included: any write changes one.</summary>
    public static async Task<ulong[]> NoncesAsync(LedgerNetworkFixture network, IEnumerable<Ledger.Core.Primitives.Address> accounts) =>
        await Task.WhenAll(accounts.Select(a => network.Devnet.Client.GetTransactionCountAsync(a, BlockParameter.CreatePending())));

    /// <summary>An integer from the environment variable <paramref name="name"/>, or null.</summary>
    public static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
