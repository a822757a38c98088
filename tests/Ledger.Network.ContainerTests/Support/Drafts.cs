using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;

namespace Ledger.Network.ContainerTests.Support;

/// <summary>Registration requests for permits never seen on the network (random numbers, random documents).</summary>
public static class Drafts
{
    /// <summary>A one-shipment CITES export permit of <paramref name="issuingCountry"/> to <paramref name="destinationCountry"/>, valid from an hour ago for 30 days.</summary>
    public static RegisterPermitRequest Export(string issuingCountry, string destinationCountry)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var permit = new PermitDraft
        {
            PermitId = $"{issuingCountry}/2026/{RandomNumberGenerator.GetInt32(0, 1_000_000):D6}",
            Type = PermitType.CitesExport,
            Document = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(128)),
            ValidFrom = Timestamp.FromDateTimeOffset(now.AddHours(-1)),
            ValidUntil = Timestamp.FromDateTimeOffset(now.AddDays(30)),
            DestinationCountry = destinationCountry,
            MaxShipments = 1,
        };
        permit.Lines.Add(new QuantityLine { Amount = "10" });
        return new RegisterPermitRequest { RequestId = Guid.NewGuid().ToString("N"), Permit = permit };
    }
}
