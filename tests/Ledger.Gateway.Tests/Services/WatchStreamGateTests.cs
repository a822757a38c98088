using Grpc.Core;
using Ledger.Gateway.Hosting;
using Ledger.Gateway.Identity;
using Ledger.Gateway.Services;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Tests.Services;

public sealed class WatchStreamGateTests
{
    private const string Foen = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private const string Bazg = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    private static readonly CallerIdentity FoenOfficer = CallerIdentity.FromDevnetName(Foen, CallerRole.IssuingOfficer, "foen-officer");
    private static readonly CallerIdentity FoenColleague = CallerIdentity.FromDevnetName(Foen, CallerRole.ReadOnly, "foen-colleague");
    private static readonly CallerIdentity FoenThird = CallerIdentity.FromDevnetName(Foen, CallerRole.ReadOnly, "foen-third");
    private static readonly CallerIdentity BazgOfficer = CallerIdentity.FromDevnetName(Bazg, CallerRole.CustomsOfficer, "bazg-officer");

    private static WatchStreamGate Gate(int perOfficial, int perAuthority, int total) => new(Options.Create(new LimitsOptions
    {
        MaxWatchStreamsPerOfficial = perOfficial,
        MaxWatchStreamsPerAuthority = perAuthority,
        MaxWatchStreamsTotal = total,
    }));

    private static RpcException Refused(WatchStreamGate gate, CallerIdentity caller)
    {
        var error = Assert.Throws<RpcException>(() => gate.Enter(caller));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        return error;
    }

    [Fact]
    public void An_official_at_their_limit_is_refused_and_a_colleague_of_the_same_authority_is_still_admitted()
    {
        var gate = Gate(perOfficial: 2, perAuthority: 10, total: 10);
        using var first = gate.Enter(FoenOfficer);
        using var second = gate.Enter(FoenOfficer);

        var error = Refused(gate, FoenOfficer);
        using var colleague = gate.Enter(FoenColleague);

        Assert.Contains("Limits:MaxWatchStreamsPerOfficial = 2", error.Status.Detail);
        Assert.Equal(3, gate.Open);
    }

    [Fact]
    public void The_officials_of_one_authority_together_stop_at_its_ceiling_and_another_authority_is_still_admitted()
    {
        var gate = Gate(perOfficial: 2, perAuthority: 3, total: 10);
        using var first = gate.Enter(FoenOfficer);
        using var second = gate.Enter(FoenOfficer);
        using var third = gate.Enter(FoenColleague);

        var error = Refused(gate, FoenThird);
        using var other = gate.Enter(BazgOfficer);

        Assert.Contains("Limits:MaxWatchStreamsPerAuthority = 3", error.Status.Detail);
        Assert.Contains(FoenOfficer.AuthorityAddress, error.Status.Detail);
        Assert.Equal(4, gate.Open);
    }

    [Fact]
    public void The_gateway_stops_at_its_total_whoever_asks()
    {
        var gate = Gate(perOfficial: 2, perAuthority: 2, total: 3);
        using var first = gate.Enter(FoenOfficer);
        using var second = gate.Enter(FoenColleague);
        using var third = gate.Enter(BazgOfficer);

        var error = Refused(gate, BazgOfficer);

        Assert.Contains("Limits:MaxWatchStreamsTotal = 3", error.Status.Detail);
    }

    [Fact]
    public void A_refusal_takes_no_slot()
    {
        var gate = Gate(perOfficial: 1, perAuthority: 2, total: 10);
        using var first = gate.Enter(FoenOfficer);

        Refused(gate, FoenOfficer);
        Refused(gate, FoenOfficer);
        using var colleague = gate.Enter(FoenColleague);

        Assert.Equal(2, gate.Open);
    }

    [Fact]
    public void Disposing_a_slot_gives_it_back_to_the_official_the_authority_and_the_gateway_once()
    {
        var gate = Gate(perOfficial: 1, perAuthority: 1, total: 1);
        var slot = gate.Enter(FoenOfficer);
        Assert.Contains("MaxWatchStreamsPerOfficial", Refused(gate, FoenOfficer).Status.Detail);
        Assert.Contains("MaxWatchStreamsPerAuthority", Refused(gate, FoenColleague).Status.Detail);
        Assert.Contains("MaxWatchStreamsTotal", Refused(gate, BazgOfficer).Status.Detail);

        slot.Dispose();
        slot.Dispose();
        using var again = gate.Enter(FoenColleague);

        Assert.Equal(1, gate.Open);
        Assert.Contains("MaxWatchStreamsPerAuthority", Refused(gate, FoenOfficer).Status.Detail);
    }
}
