using Ledger.Core.Primitives;
using Ledger.Contracts.Ethereum;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Deployment;
using Ledger.Contracts.Tests.Devnet;

using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Contracts.Tests.Deployment;

/// <summary>LedgerDeployer on anvil: what it deploys, what it records, and what it checks.</summary>
public sealed class LedgerDeployerTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task The_record_names_both_contracts_as_their_receipts_do()
    {
        var record = Net.Deployment;
        Assert.Equal(Net.Devnet.ChainId, record.ChainId);
        Assert.Equal(Net.Deployer.Address, record.Deployer);
        Assert.InRange(record.DeployedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow);
        Assert.Equal(0, record.DeployedAt.Millisecond);
        foreach (var (deployed, artifact) in new[] { (record.AuthorityRegistry, LedgerArtifacts.AuthorityRegistry), (record.PermitRegistry, LedgerArtifacts.PermitRegistry) })
        {
            var receipt = await Net.Rpc.GetTransactionReceiptAsync(deployed.TransactionHash) ?? throw new Xunit.Sdk.XunitException("no receipt");
            Assert.Equal(1, (int)receipt.Status.Value);
            Assert.Equal(deployed.Address, Address.Parse(receipt.ContractAddress.ToLowerInvariant()));
            Assert.Equal(deployed.BlockNumber, (ulong)receipt.BlockNumber.Value);
            Assert.Equal(Net.Deployer.Address, Address.Parse(receipt.From.ToLowerInvariant()));
            Assert.Equal(artifact.AbiVersion, deployed.AbiVersion);
        }
        Assert.True(record.PermitRegistry.BlockNumber >= record.AuthorityRegistry.BlockNumber);
        Assert.Equal(record.AuthorityRegistry.Address, await Net.Deployer.Permits.AuthorityRegistryAsync());
        await LedgerDeployer.VerifyAsync(record, Net.Rpc);
    }

    [Fact]
    public async Task Founders_are_active_issuers_announced_by_the_deployment()
    {
        var atDeployment = new BlockParameter(Net.Deployment.AuthorityRegistry.BlockNumber);
        var receipt = await Net.Rpc.GetTransactionReceiptAsync(Net.Deployment.AuthorityRegistry.TransactionHash);
        var events = Net.Deployer.Authorities.DecodeEvents(receipt!);

        // Per founder its designation then its node; then one report: three validators tolerate no fault.
        var expectedTypes = Net.Founders.SelectMany(_ => new[] { typeof(AuthorityDesignated), typeof(ValidatorAdded) }).Append(typeof(FaultToleranceLost));
        Assert.Equal(expectedTypes, events.Select(e => e.GetType()));
        for (var i = 0; i < Net.Founders.Count; i++)
        {
            var founder = Net.Founders[i];
            var designated = (AuthorityDesignated)events[2 * i];
            Assert.Equal((founder.Account, Address.Zero, AuthorityKind.Issuer, founder.Country, founder.Code),
                (designated.Account, designated.Actor, designated.Kind, designated.Country, designated.Code));
            var validator = (ValidatorAdded)events[2 * i + 1];
            Assert.Equal((founder.Node, founder.Account, Address.Zero), (validator.Node, validator.Account, validator.Actor));
            var stored = await Net.Deployer.Authorities.AuthorityOfAsync(founder.Account, atDeployment);
            Assert.Equal(new AuthorityRecord(founder.Country, AuthorityKind.Issuer, AuthorityStatus.Active, (uint)i + 1, founder.Code), stored);
            Assert.Equal(founder.Node, await Net.Deployer.Authorities.NodeOfAsync(founder.Account, atDeployment));
            Assert.Equal(founder.Account, await Net.Deployer.Authorities.AccountOfNodeAsync(founder.Node, atDeployment));
        }
        Assert.Equal((ulong)Net.Founders.Count, ((FaultToleranceLost)events[^1]).Validators);
        var validators = await Net.Deployer.Authorities.GetValidatorsAsync(atDeployment);
        Expect.SameAddresses(Net.Founders.Select(f => f.Node), validators);
    }

    [Fact]
    public async Task The_record_reads_back_equal_from_json_and_from_a_file()
    {
        var json = Net.Deployment.ToJson();
        Assert.Equal(Net.Deployment, DeploymentRecord.Parse(json));
        Assert.Contains("\"format\": \"permit-ledger-deployment/1\"", json, StringComparison.Ordinal);

        var path = Path.Combine(Path.GetTempPath(), $"deployment-{Guid.NewGuid():N}.json");
        try
        {
            await Net.Deployment.WriteAsync(path);
            Assert.Equal(Net.Deployment, await DeploymentRecord.ReadAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_record_from_contracts_with_another_abi_version_is_refused()
    {
        var other = Net.Deployment with { PermitRegistry = Net.Deployment.PermitRegistry with { AbiVersion = "0x" + new string('1', 64) } };
        var refusal = Assert.Throws<DeploymentException>(() => DeploymentRecord.Parse(other.ToJson()));
        Assert.Contains("PermitRegistry", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("0x" + new string('1', 64), refusal.Message, StringComparison.Ordinal);
        Assert.Contains(LedgerArtifacts.PermitRegistry.AbiVersion, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("deploy them again", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"format":"something-else/9"}""")]
    [InlineData("""{"format":"permit-ledger-deployment/1","chainId":0}""")]
    public void Malformed_records_are_refused(string json) =>
        Assert.Throws<DeploymentException>(() => DeploymentRecord.Parse(json));

    [Fact]
    public async Task Verification_refuses_another_chain_and_code_that_is_not_the_artifact()
    {
        var otherChain = Net.Deployment with { ChainId = Net.Deployment.ChainId + 1 };
        var chainRefusal = await Assert.ThrowsAsync<DeploymentException>(() => LedgerDeployer.VerifyAsync(otherChain, Net.Rpc));
        Assert.Contains($"chain {Net.Devnet.ChainId}", chainRefusal.Message, StringComparison.Ordinal);

        // The PermitRegistry's address holding the AuthorityRegistry's code, and an account with no code at all.
        var swapped = Net.Deployment with { PermitRegistry = Net.Deployment.PermitRegistry with { Address = Net.Deployment.AuthorityRegistry.Address } };
        var swapRefusal = await Assert.ThrowsAsync<DeploymentException>(() => LedgerDeployer.VerifyAsync(swapped, Net.Rpc));
        Assert.Contains("PermitRegistry", swapRefusal.Message, StringComparison.Ordinal);
        var empty = Net.Deployment with { AuthorityRegistry = Net.Deployment.AuthorityRegistry with { Address = Net.Spare[0].Address } };
        var emptyRefusal = await Assert.ThrowsAsync<DeploymentException>(() => LedgerDeployer.VerifyAsync(empty, Net.Rpc));
        Assert.Contains("no code", emptyRefusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploying_without_founders_is_refused_before_anything_is_sent()
    {
        var deployer = new LedgerDeployer(Net.Rpc, Net.Spare[1].Sender);
        var nonceBefore = await Net.Rpc.GetTransactionCountAsync(Net.Spare[1].Address, BlockParameter.CreatePending());
        await Assert.ThrowsAsync<ArgumentException>(() => deployer.DeployAsync([]));
        Assert.Equal(nonceBefore, await Net.Rpc.GetTransactionCountAsync(Net.Spare[1].Address, BlockParameter.CreatePending()));
    }
}
