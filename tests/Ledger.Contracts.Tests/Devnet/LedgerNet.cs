using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Deployment;
using Ledger.Contracts.Permits;
using Ledger.Core.Primitives;
using Ledger.Testing;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;

namespace Ledger.Contracts.Tests.Devnet;

/// <summary>
/// An anvil devnet (0.2 s blocks, zero gas price like a QBFT network) with both contracts
/// deployed by <see cref="LedgerDeployer"/>: founding issuers of CH, FR and NO, one customs
/// office designated per country plus a second one in CH, and spare funded accounts that are
/// no authority. Each party has its own sender, so nonces never collide.
/// </summary>
public sealed class LedgerNet : IAsyncDisposable
{
    /// <summary>Senders poll often: blocks come every 0.2 s.</summary>
    public static readonly TransactionSenderOptions SenderOptions = new()
    {
        ReceiptPollInterval = TimeSpan.FromMilliseconds(50),
        ReceiptTimeout = TimeSpan.FromSeconds(60),
    };

    public static readonly CountryBytes CH = CountryBytes.FromCode("CH");
    public static readonly CountryBytes FR = CountryBytes.FromCode("FR");
    public static readonly CountryBytes NO = CountryBytes.FromCode("NO");

    private const int Accounts = 20;
    private const int FirstSpare = 8;

    private readonly List<Party> _parties = [];

    private LedgerNet(AnvilDevnet devnet) => Devnet = devnet;

    /// <summary>The node.</summary>
    public AnvilDevnet Devnet { get; }

    /// <summary>Its client.</summary>
    public IClient Rpc => Devnet.Client;

    /// <summary>What the deployer returned.</summary>
    public DeploymentRecord Deployment { get; private set; } = null!;

    /// <summary>Account 0: deployed the contracts, is no authority.</summary>
    public Party Deployer => _parties[0];

    /// <summary>Founding issuer of CH (admission 1).</summary>
    public Party IssuerCH => _parties[1];

    /// <summary>Founding issuer of FR (admission 2).</summary>
    public Party IssuerFR => _parties[2];

    /// <summary>Founding issuer of NO (admission 3).</summary>
    public Party IssuerNO => _parties[3];

    /// <summary>Customs of CH, designated by <see cref="IssuerCH"/>.</summary>
    public Party CustomsCH => _parties[4];

    /// <summary>Customs of FR.</summary>
    public Party CustomsFR => _parties[5];

    /// <summary>Customs of NO.</summary>
    public Party CustomsNO => _parties[6];

    /// <summary>A second customs office of CH, for races.</summary>
    public Party CustomsCH2 => _parties[7];

    /// <summary>Funded accounts that are not authorities (yet): candidates and strangers.</summary>
    public IReadOnlyList<Party> Spare => _parties.GetRange(FirstSpare, Accounts - FirstSpare);

    /// <summary>The founders as given to the deployer.</summary>
    public IReadOnlyList<FoundingIssuer> Founders { get; private set; } = [];

    /// <summary>Starts anvil and deploys; the caller disposes.</summary>
    public static async Task<LedgerNet> StartAsync()
    {
        var devnet = await AnvilDevnet.StartAsync(new AnvilDevnetOptions
        {
            BlockTime = TimeSpan.FromMilliseconds(200),
            ZeroGasPrice = true,
            Accounts = Accounts,
        });
        var net = new LedgerNet(devnet);
        try
        {
            await net.DeployAsync();
            return net;
        }
        catch
        {
            await net.DisposeAsync();
            throw;
        }
    }

    /// <summary>A sender for an account of this devnet.</summary>
    public TransactionSender NewSender(EthECKey key) => new(Rpc, key, Devnet.ChainId, SenderOptions);

    /// <summary>The unix time of the latest block: validity windows are judged by it, not by this machine's clock.</summary>
    public async Task<ulong> ChainTimeAsync() =>
        (ulong)(await Devnet.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest())
            ?? throw new InvalidOperationException("No latest block.")).Timestamp.Value;

    /// <summary>Moves the chain's clock forward and seals a block at the new time.</summary>
    public async Task PassTimeAsync(TimeSpan time)
    {
        await Rpc.SendRequestAsync<long>("evm_increaseTime", null, (long)time.TotalSeconds);
        await Devnet.MineAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Devnet.DisposeAsync();
    }

    /// <summary>
    /// A validator node address for a label: the last 20 bytes of keccak256("node:" + label).
    /// Nodes only sign blocks, which anvil does not check, so no key is needed for them here.
    /// </summary>
    public static Address NodeAddress(string label) =>
        new(Nethereum.Util.Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("node:" + label)).AsSpan(12));

    private async Task DeployAsync()
    {
        var keys = Devnet.Accounts.Select(account => account.Key()).ToArray();
        var deployerSender = NewSender(keys[0]);
        Founders =
        [
            new FoundingIssuer(Address.Parse(keys[1].GetPublicAddress()), CH, AuthorityCode.FromText("FSVO"), NodeAddress("CH")),
            new FoundingIssuer(Address.Parse(keys[2].GetPublicAddress()), FR, AuthorityCode.FromText("MTE"), NodeAddress("FR")),
            new FoundingIssuer(Address.Parse(keys[3].GetPublicAddress()), NO, AuthorityCode.FromText("Miljodir"), NodeAddress("NO")),
        ];
        Deployment = await new LedgerDeployer(Rpc, deployerSender).DeployAsync(Founders);
        string[] labels = ["deployer", "issuer CH", "issuer FR", "issuer NO", "customs CH", "customs FR", "customs NO", "customs CH 2"];
        for (var i = 0; i < keys.Length; i++)
        {
            var sender = i == 0 ? deployerSender : NewSender(keys[i]);
            _parties.Add(new Party(i < labels.Length ? labels[i] : $"spare {i}", sender,
                Deployment.BindAuthorityRegistry(Rpc, sender), Deployment.BindPermitRegistry(Rpc, sender)));
        }
        await Task.WhenAll(
            IssuerCH.Authorities.DesignateAsync(CustomsCH.Address, AuthorityKind.Customs, AuthorityCode.FromText("BAZG")),
            IssuerFR.Authorities.DesignateAsync(CustomsFR.Address, AuthorityKind.Customs, AuthorityCode.FromText("DGDDI")),
            IssuerNO.Authorities.DesignateAsync(CustomsNO.Address, AuthorityKind.Customs, AuthorityCode.FromText("Tolletaten")));
        await IssuerCH.Authorities.DesignateAsync(CustomsCH2.Address, AuthorityKind.Customs, AuthorityCode.FromText("BAZG-2"));
    }
}
