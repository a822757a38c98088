using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.IntegrationTests.Support;
using static Ledger.Gateway.IntegrationTests.Support.LedgerNetworkFixture;

namespace Ledger.Gateway.IntegrationTests;

/// <summary>Two customs offices racing for the last quantity: exactly one wins (invariant 4).</summary>
[Collection(LedgerNetworkCollection.Name)]
public sealed class RaceTests(LedgerNetworkFixture network)
{
    private const int Rounds = 50;
    private readonly ChainProbe _chain = new(network);

    [Fact]
    public async Task Exactly_one_of_two_simultaneous_shipments_wins_every_time()
    {
        var permitIds = Enumerable.Range(0, Rounds).Select(_ => Permits.NewId()).ToList();
        await Task.WhenAll(permitIds.Select(id =>
            network.Permits.RegisterPermitAsync(Permits.Register(Permits.ExportDraft(id, 5)), As(Officials.ChIssuer)).ResponseAsync));

        foreach (var permitId in permitIds)
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var offices = new[] { (Officials.ChCustoms, "AWB-A-1"), (Officials.ChCustoms2, "AWB-B-2") };
            var attempts = offices.Select(office => Task.Run(async () =>
            {
                await start.Task;
                return await network.Permits.RecordShipmentAsync(new RecordShipmentRequest
                {
                    RequestId = Permits.NewRequestId(),
                    PermitId = permitId,
                    ShipmentReference = office.Item2,
                    Quantities = { Permits.Lines("5") },
                }, As(office.Item1));
            })).ToList();
            start.SetResult();
            var outcomes = await Task.WhenAll(attempts.Select(Outcome));

            var winners = outcomes.Count(o => o is null);
            Assert.True(winners == 1, $"{permitId}: {winners} shipments succeeded");
            var loser = Assert.Single(outcomes, o => o is not null)!;
            Assert.True(loser.StatusCode == StatusCode.FailedPrecondition, loser.Status.ToString());
            Assert.Contains(permitId, loser.Status.Detail);
            Assert.Equal(5, (int)(await _chain.UsedAsync(permitId))[0]);
            Assert.Equal(["PermitRegistered", "ShipmentRecorded"], await _chain.EventsAsync(permitId));
        }
    }

    private static async Task<RpcException?> Outcome(Task<RecordShipmentResponse> attempt)
    {
        try
        {
            await attempt;
            return null;
        }
        catch (RpcException e)
        {
            return e;
        }
    }
}
