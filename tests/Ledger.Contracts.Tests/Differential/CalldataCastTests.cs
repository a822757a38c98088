using Ledger.Core.Primitives;
using Ledger.Contracts.Authorities;
using Ledger.Contracts.Binding;
using Ledger.Contracts.Permits;
using Ledger.Testing;

namespace Ledger.Contracts.Tests.Differential;

/// <summary>
/// The bindings' calldata for every function, from seeded random arguments, against
/// <c>cast calldata</c> given the Solidity signature written out by hand here: a wrong
/// argument order, type or struct layout in the bindings shows up as a difference.
/// </summary>
public sealed class CalldataCastTests
{
    private const int Cases = 1000;
    private const string Permit = "(bytes32,bytes32,uint8,uint40,uint40,bytes2,uint16,bytes32,bytes32,uint96[])";

    /// <summary>One way to make a random call: the binding's calldata and cast's signature and arguments.</summary>
    private delegate (ContractCall Call, string Signature, string[] Arguments) CallMaker(RandomValues r);

    private static readonly CallMaker[] Makers =
    [
        // AuthorityRegistry
        _ => (AuthorityRegistryCalls.ProposalLifetime(), "PROPOSAL_LIFETIME()", []),
        _ => (AuthorityRegistryCalls.BftMinValidators(), "BFT_MIN_VALIDATORS()", []),
        _ => (AuthorityRegistryCalls.MaxGatewayUrlLength(), "MAX_GATEWAY_URL_LENGTH()", []),
        _ => (AuthorityRegistryCalls.ActiveIssuerCount(), "activeIssuerCount()", []),
        _ => (AuthorityRegistryCalls.Authorities(), "authorities()", []),
        _ => (AuthorityRegistryCalls.AuthorityCount(), "authorityCount()", []),
        _ => (AuthorityRegistryCalls.PendingProposalIds(), "pendingProposalIds()", []),
        _ => (AuthorityRegistryCalls.ProposalCount(), "proposalCount()", []),
        r => With(r.UInt64(), r.UInt64(), (a, b) => AuthorityRegistryCalls.AuthoritiesPage(a, b), "authoritiesPage(uint256,uint256)"),
        r => With(r.Address(), a => AuthorityRegistryCalls.AuthorityOf(a), "authorityOf(address)"),
        r => With(r.UInt64(), a => AuthorityRegistryCalls.CloseExpired(a), "closeExpired(uint256)"),
        r => With(r.Address(), r.Enum<AuthorityKind>(), r.Hash(), (a, b, c) => AuthorityRegistryCalls.Designate(a, b, c), "designate(address,uint8,bytes32)"),
        r => With(r.UInt64(), r.Address(), (a, b) => AuthorityRegistryCalls.HasVoted(a, b), "hasVoted(uint256,address)"),
        r => With(r.Address(), r.Enum<AuthorityKind>(), r.Country(), (a, b, c) => AuthorityRegistryCalls.IsActive(a, b, c), "isActive(address,uint8,bytes2)"),
        r => With(r.Address(), a => AuthorityRegistryCalls.ProfileOf(a), "profileOf(address)"),
        r => With(r.Address(), r.Address(), (a, b) => AuthorityRegistryCalls.ProfilesOf(a, b), "profilesOf(address,address)"),
        r => With(r.UInt64(), a => AuthorityRegistryCalls.Proposal(a), "proposal(uint256)"),
        r => With(r.Address(), r.Country(), r.Hash(), r.Address(), (a, b, c, d) => AuthorityRegistryCalls.ProposeIssuer(a, b, c, d), "proposeIssuer(address,bytes2,bytes32,address)"),
        _ => (AuthorityRegistryCalls.GetValidators(), "getValidators()", []),
        _ => (AuthorityRegistryCalls.ValidatorCount(), "validatorCount()", []),
        r => With(r.Address(), a => AuthorityRegistryCalls.NodeOf(a), "nodeOf(address)"),
        r => With(r.Address(), a => AuthorityRegistryCalls.AccountOfNode(a), "accountOfNode(address)"),
        r => With(r.Address(), a => AuthorityRegistryCalls.IsValidator(a), "isValidator(address)"),
        r => With(r.Address(), a => AuthorityRegistryCalls.RotateNode(a), "rotateNode(address)"),
        r => With(r.Address(), Url(r), r.Hash(), (a, b, c) => AuthorityRegistryCalls.PublishGateway(a, b, c), "publishGateway(address,string,bytes32)"),
        r => With(r.Address(), a => AuthorityRegistryCalls.GatewayOf(a), "gatewayOf(address)"),
        r => With(r.Address(), a => AuthorityRegistryCalls.ProposeReinstatement(a), "proposeReinstatement(address)"),
        r => With(r.Address(), r.Country(), r.Hash(), (a, b, c) => AuthorityRegistryCalls.ProposeSecretariat(a, b, c), "proposeSecretariat(address,bytes2,bytes32)"),
        r => With(r.Address(), a => AuthorityRegistryCalls.ProposeSuspension(a), "proposeSuspension(address)"),
        r => With(r.Address(), a => AuthorityRegistryCalls.ReinstateAgency(a), "reinstateAgency(address)"),
        r => With(r.Address(), a => AuthorityRegistryCalls.SuspendAgency(a), "suspendAgency(address)"),
        r => With(r.UInt64(), a => AuthorityRegistryCalls.Vote(a), "vote(uint256)"),
        // PermitRegistry
        _ => (PermitRegistryCalls.MaxBatch(), "MAX_BATCH()", []),
        _ => (PermitRegistryCalls.MaxLines(), "MAX_LINES()", []),
        _ => (PermitRegistryCalls.MaxVerifyBatch(), "MAX_VERIFY_BATCH()", []),
        _ => (PermitRegistryCalls.AuthorityRegistry(), "authorityRegistry()", []),
        r => With(r.Hash(), r.Byte(), r.Hash(), (a, b, c) => PermitRegistryCalls.Cancel(a, b, c), "cancel(bytes32,uint8,bytes32)"),
        r => With(r.Hash(), r.Hash(), r.Quantities(), r.Hash(), (a, b, c, d) => PermitRegistryCalls.ConfirmArrival(a, b, c, d),
            "confirmArrival(bytes32,bytes32,uint96[],bytes32)"),
        r => With(r.Hash(), r.Hash(), (a, b) => PermitRegistryCalls.DocumentMatches(a, b), "documentMatches(bytes32,bytes32)"),
        r => With(r.Hash(), r.Hash(), r.Quantities(), r.Hash(), (a, b, c, d) => PermitRegistryCalls.RecordShipment(a, b, c, d),
            "recordShipment(bytes32,bytes32,uint96[],bytes32)"),
        r => With(r.Permit(), a => PermitRegistryCalls.Register(a), $"register({Permit})"),
        r => With(Batch(r), a => PermitRegistryCalls.RegisterBatch(a), $"registerBatch({Permit}[])"),
        r => With(r.Hash(), r.Byte(), r.Permit(), r.Hash(), (a, b, c, d) => PermitRegistryCalls.Replace(a, b, c, d), $"replace(bytes32,uint8,{Permit},bytes32)"),
        r => With(r.Hash(), r.Hash(), (a, b) => PermitRegistryCalls.ShipmentOf(a, b), "shipmentOf(bytes32,bytes32)"),
        r => With(r.Hash(), a => PermitRegistryCalls.Verify(a), "verify(bytes32)"),
        r => With(r.Hash(), a => PermitRegistryCalls.VerifyAtHead(a), "verifyAtHead(bytes32)"),
        r => With(Keys(r), a => PermitRegistryCalls.VerifyManyAtHead(a), "verifyManyAtHead(bytes32[])"),
    ];

    [Fact]
    public async Task Calldata_of_every_function_equals_cast_calldata()
    {
        var random = new RandomValues(seed: 20261122);
        var cases = Enumerable.Range(0, Cases).Select(i => Makers[i % Makers.Length](random)).ToArray();
        var outputs = await CastInParallel.RunAsync(cases.Select(c => (IReadOnlyList<string>)["calldata", c.Signature, .. c.Arguments]).ToArray());
        for (var i = 0; i < cases.Length; i++)
        {
            var (call, signature, arguments) = cases[i];
            Assert.True(outputs[i] == HexText.Of(call.Data), $"Case {i}: {signature} with {string.Join(' ', arguments)}\n cast:     {outputs[i]}\n bindings: {HexText.Of(call.Data)}");
        }
    }

    /// <summary>
    /// The claim "every function" above, checked against the committed ABIs: a function added to
    /// a contract without a maker here fails this test, and so does a maker whose hand-written
    /// signature names no function of either contract (a typo would otherwise only ever be
    /// compared with cast, which accepts any signature).
    /// </summary>
    [Fact]
    public void The_makers_cover_every_function_of_both_artifacts()
    {
        var functions = new[] { LedgerArtifacts.AuthorityRegistry, LedgerArtifacts.PermitRegistry }
            .SelectMany(a => a.Abi.Functions.Select(f => (Contract: a.Name, f.Name, Selector: f.Sha3Signature.ToLowerInvariant())))
            .ToArray();
        var random = new RandomValues(seed: 1);
        var made = Makers.Select(m => m(random)).ToArray();
        var madeSelectors = made.Select(c => HexText.Of(c.Call.Data)[2..10]).ToHashSet();
        var handWritten = made.Select(c => Selector(c.Signature)).ToHashSet();

        var missing = functions.Where(f => !madeSelectors.Contains(f.Selector)).Select(f => $"{f.Contract}.{f.Name}").ToArray();
        Assert.True(missing.Length == 0, $"No calldata maker for: {string.Join(", ", missing)}. Add a row to {nameof(Makers)}.");
        var unknown = made.Where(c => !functions.Any(f => f.Selector == Selector(c.Signature))).Select(c => c.Signature).ToArray();
        Assert.True(unknown.Length == 0, $"Makers whose signature is no function of either artifact: {string.Join(", ", unknown)}");
        Assert.Equal(Makers.Length, handWritten.Count);
    }

    private static string Selector(string signature) => Keccak.HashUtf8(signature).ToHex()[2..10];

    // A gateway URL of random length (0 to 300 bytes, past the contract's bound) from URL-safe characters.
    private static (string Value, string Cast) Url(RandomValues r)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-.:/";
        var url = new string(Enumerable.Range(0, r.Random.Next(301)).Select(_ => alphabet[r.Random.Next(alphabet.Length)]).ToArray());
        return (url, url);
    }

    // 0 to 300 keys: empty, within and past the contract's bound (the calldata does not care).
    private static (IReadOnlyList<Bytes32> Value, string Cast) Keys(RandomValues r)
    {
        var keys = Enumerable.Range(0, r.Random.Next(301)).Select(_ => r.Hash()).ToArray();
        return (keys.Select(k => k.Value).ToArray(), "[" + string.Join(',', keys.Select(k => k.Cast)) + "]");
    }

    private static (IReadOnlyList<PermitInput> Value, string Cast) Batch(RandomValues r)
    {
        var permits = Enumerable.Range(0, r.Random.Next(4)).Select(_ => r.Permit()).ToArray();
        return (permits.Select(p => p.Value).ToArray(), "[" + string.Join(',', permits.Select(p => p.Cast)) + "]");
    }

    private static (ContractCall, string, string[]) With<T1>((T1 V, string C) a, Func<T1, ContractCall> make, string signature) =>
        (make(a.V), signature, [a.C]);

    private static (ContractCall, string, string[]) With<T1, T2>((T1 V, string C) a, (T2 V, string C) b, Func<T1, T2, ContractCall> make, string signature) =>
        (make(a.V, b.V), signature, [a.C, b.C]);

    private static (ContractCall, string, string[]) With<T1, T2, T3>((T1 V, string C) a, (T2 V, string C) b, (T3 V, string C) c,
        Func<T1, T2, T3, ContractCall> make, string signature) =>
        (make(a.V, b.V, c.V), signature, [a.C, b.C, c.C]);

    private static (ContractCall, string, string[]) With<T1, T2, T3, T4>((T1 V, string C) a, (T2 V, string C) b, (T3 V, string C) c, (T4 V, string C) d,
        Func<T1, T2, T3, T4, ContractCall> make, string signature) =>
        (make(a.V, b.V, c.V, d.V), signature, [a.C, b.C, c.C, d.C]);
}
