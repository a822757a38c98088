using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Cli.Connection;

namespace Ledger.Cli.Conformance;

/// <summary>
/// What the checks share: the gateway as the authority's issuing officer and as its customs
/// officer, optionally a customs officer of the destination country (at its own gateway), the
/// countries, and a run tag that keeps every test permit new, so the run can be repeated on the
/// same network.
/// </summary>
/// <param name="issuer">The gateway under test as the authority's issuing officer.</param>
/// <param name="customs">The gateway under test as the authority's customs officer.</param>
/// <param name="country">The authority's country.</param>
/// <param name="destination">The test permits' destination country.</param>
/// <param name="runTag">Makes this run's permit IDs new.</param>
/// <param name="destinationCustoms">A customs officer of <paramref name="destination"/>, through its own gateway; null skips the import-side checks.</param>
public sealed class ConformanceContext(GatewayClients issuer, GatewayClients customs, string country, string destination, string runTag, GatewayClients? destinationCustoms = null)
{
    private int _sequence;

    /// <summary>The gateway, acting as the authority's issuing officer.</summary>
    public GatewayClients Issuer { get; } = issuer;

    /// <summary>The gateway, acting as the authority's customs officer.</summary>
    public GatewayClients Customs { get; } = customs;

    /// <summary>A customs officer of the destination country, through its own gateway (import side); null when none was given.</summary>
    public GatewayClients? DestinationCustoms { get; } = destinationCustoms;

    /// <summary>The authority's country (ISO 3166-1 alpha-2), the issuing country of the test permits.</summary>
    public string Country { get; } = country;

    /// <summary>The destination country of the test permits.</summary>
    public string Destination { get; } = destination;

    /// <summary>The gateway's address.</summary>
    public Uri Address => Issuer.Settings.Address;

    /// <summary>A new test permit ID of the authority's country.</summary>
    public string NewPermitId() =>
        $"{Country}/{DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture)}/CONF-{runTag}-{Interlocked.Increment(ref _sequence)}";

    /// <summary>A new request ID.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// A test permit draft to <see cref="Destination"/>, valid from a minute ago for six months: a
    /// CITES export permit (one shipment), or a CITES certificate when several shipments are wanted.
    /// </summary>
    public PermitDraft Draft(string permitId, string amount = "10", uint maxShipments = 1)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return new PermitDraft
        {
            PermitId = permitId,
            Type = maxShipments > 1 ? PermitType.CitesCertificate : PermitType.CitesExport,
            Document = ByteString.CopyFrom(Encoding.UTF8.GetBytes($"<CITESEPermit id=\"{permitId}\" conformance=\"{runTag}\"/>")),
            ValidFrom = Timestamp.FromDateTimeOffset(now.AddMinutes(-1)),
            ValidUntil = Timestamp.FromDateTimeOffset(now.AddMonths(6)),
            DestinationCountry = Destination,
            Lines = { new QuantityLine { Amount = amount } },
            MaxShipments = maxShipments,
        };
    }

    /// <summary>Registers a fresh test permit as the issuer and returns the draft.</summary>
    public async Task<PermitDraft> RegisterAsync(CancellationToken cancellationToken, string amount = "10", uint maxShipments = 1)
    {
        var draft = Draft(NewPermitId(), amount, maxShipments);
        await Issuer.Permits.RegisterPermitAsync(new RegisterPermitRequest { RequestId = NewRequestId(), Permit = draft }, Issuer.Call(cancellationToken));
        return draft;
    }

    /// <summary>Verifies as customs.</summary>
    public async Task<VerifyPermitResponse> VerifyAsync(string permitId, CancellationToken cancellationToken, ByteString? document = null)
    {
        var request = new VerifyPermitRequest { PermitId = permitId };
        if (document is not null)
            request.Document = document;
        return await Customs.Permits.VerifyPermitAsync(request, Customs.Call(cancellationToken));
    }

    /// <summary>Records a shipment as customs.</summary>
    public async Task<RecordShipmentResponse> ShipAsync(string permitId, string reference, string amount, CancellationToken cancellationToken, string? requestId = null) =>
        await Customs.Permits.RecordShipmentAsync(
            new RecordShipmentRequest { RequestId = requestId ?? NewRequestId(), PermitId = permitId, ShipmentReference = reference, Quantities = { new QuantityLine { Amount = amount } } },
            Customs.Call(cancellationToken));

    /// <summary>Runs <paramref name="call"/> and requires it to fail with <paramref name="expected"/>.</summary>
    public static async Task<Status> ExpectRefusalAsync(StatusCode expected, Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (RpcException e) when (e.StatusCode == expected)
        {
            return e.Status;
        }
        catch (RpcException e)
        {
            throw new ConformanceFailure($"{what}: expected {expected}, got {e.StatusCode}: {e.Status.Detail}");
        }
        throw new ConformanceFailure($"{what}: expected {expected}, but the gateway accepted it");
    }

    /// <summary>Fails the check with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void Require(bool condition, string message)
    {
        if (!condition)
            throw new ConformanceFailure(message);
    }
}
