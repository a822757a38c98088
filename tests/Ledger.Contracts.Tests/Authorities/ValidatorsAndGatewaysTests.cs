using Ledger.Core.Primitives;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Errors;
using Ledger.Contracts.Tests.Devnet;
using static Ledger.Contracts.Tests.Devnet.LedgerNet;

namespace Ledger.Contracts.Tests.Authorities;

/// <summary>
/// The validator set and the gateway directory through the binding, on anvil: what a write
/// announces and what the views read back afterwards.
/// </summary>
public sealed class ValidatorsAndGatewaysTests(LedgerNetFixture fixture) : IClassFixture<LedgerNetFixture>
{
    private LedgerNet Net => fixture.Net;

    [Fact]
    public async Task A_published_gateway_reads_back_through_gatewayOf_and_a_new_one_replaces_it()
    {
        var issuer = Net.IssuerCH;
        var registry = issuer.Authorities;
        Assert.Equal((string.Empty, Bytes32.Zero), await registry.GatewayOfAsync(Net.CustomsCH.Address));

        // The longest URL stored (256 bytes), published by the issuer for its customs.
        var longest = "https://customs.ch.example:5081/" + new string('p', 256 - "https://customs.ch.example:5081/".Length);
        var fingerprint = TestData.RandomHash();
        var published = await registry.PublishGatewayAsync(Net.CustomsCH.Address, longest, fingerprint);
        var announced = (GatewayPublished)Expect.Events(registry.DecodeEvents(published.Receipt), published, registry.Address, typeof(GatewayPublished))[0];
        Assert.Equal((Net.CustomsCH.Address, issuer.Address, longest, fingerprint), (announced.Account, announced.Actor, announced.Url, announced.Fingerprint));
        Assert.Equal((longest, fingerprint), await registry.GatewayOfAsync(Net.CustomsCH.Address));

        var renewedFingerprint = TestData.RandomHash();
        await registry.PublishGatewayAsync(Net.CustomsCH.Address, "https://customs.ch.example:6081", renewedFingerprint);
        Assert.Equal(("https://customs.ch.example:6081", renewedFingerprint), await Net.CustomsFR.Authorities.GatewayOfAsync(Net.CustomsCH.Address));
        Assert.Equal((string.Empty, Bytes32.Zero), await registry.GatewayOfAsync(issuer.Address));
    }

    [Fact]
    public async Task A_rotated_node_replaces_the_old_one_in_getValidators_and_the_old_one_is_never_reused()
    {
        var issuer = Net.IssuerFR;
        var registry = issuer.Authorities;
        var oldNode = await registry.NodeOfAsync(issuer.Address);
        Assert.Equal(NodeAddress("FR"), oldNode);
        var before = await registry.GetValidatorsAsync();
        var newNode = NodeAddress("FR rotated " + Guid.NewGuid());

        var rotated = await registry.RotateNodeAsync(newNode);
        var events = Expect.Events(registry.DecodeEvents(rotated.Receipt), rotated, registry.Address, typeof(ValidatorRemoved), typeof(ValidatorAdded));
        var removed = (ValidatorRemoved)events[0];
        Assert.Equal((oldNode, issuer.Address, issuer.Address), (removed.Node, removed.Account, removed.Actor));
        var added = (ValidatorAdded)events[1];
        Assert.Equal((newNode, issuer.Address, issuer.Address), (added.Node, added.Account, added.Actor));

        Expect.SameAddresses(before.Where(node => node != oldNode).Append(newNode), await registry.GetValidatorsAsync());
        Assert.Equal((ulong)before.Count, await registry.ValidatorCountAsync());
        Assert.Equal(newNode, await registry.NodeOfAsync(issuer.Address));
        Assert.Equal(issuer.Address, await registry.AccountOfNodeAsync(newNode));
        Assert.Equal(Address.Zero, await registry.AccountOfNodeAsync(oldNode));
        Assert.True(await registry.IsValidatorAsync(newNode));
        Assert.False(await registry.IsValidatorAsync(oldNode));

        // The retired node is remembered: it can neither validate again nor become an authority.
        var (reused, _) = await Expect.Refusal<NodeAlreadyUsed>(() => Net.IssuerNO.Authorities.RotateNodeAsync(oldNode));
        Assert.Equal(new NodeAlreadyUsed(oldNode, issuer.Address), reused);
        var (designated, _) = await Expect.Refusal<AccountIsNode>(() => registry.DesignateAsync(oldNode, AuthorityKind.Customs, AuthorityCode.FromText("code")));
        Assert.Equal(new AccountIsNode(oldNode, issuer.Address), designated);
    }
}
