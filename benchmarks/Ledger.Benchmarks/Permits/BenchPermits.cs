using System.Globalization;
using System.Numerics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Core.Documents;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using PermitInputMessage = Ledger.Contracts.Generated.PermitRegistry.ContractDefinition.PermitInput;

namespace Ledger.Benchmarks.Permits;

/// <summary>
/// The permits a run registers: IDs unique to the run ("CH/2026/LR-&lt;tag&gt;-&lt;label&gt;-&lt;n&gt;"), one
/// line of 10 units, one shipment, valid from an hour ago for five months (a CITES export permit may be valid six), the document a short XML
/// naming the ID. The same permit as a gateway draft or as the contract's PermitInput.
/// </summary>
internal sealed class BenchPermits(string runTag, DateTimeOffset now)
{
    /// <summary>The authorised amount of the one line.</summary>
    public const int LineAmount = 10;

    private readonly DateTimeOffset _from = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).AddHours(-1);

    private DateTimeOffset Until => _from.AddMonths(5);

    /// <summary>An actor reference for permits registered straight at the node (a hash, like the gateway's).</summary>
    public static Bytes32 BenchActor { get; } = Keccak.Hash(System.Text.Encoding.UTF8.GetBytes("ledger-benchmarks"));

    /// <summary>The ID of permit <paramref name="index"/> of series <paramref name="label"/> issued by <paramref name="country"/>.</summary>
    public string Id(string country, string label, long index) =>
        $"{country}/{_from.Year.ToString(CultureInfo.InvariantCulture)}/LR-{runTag}-{label}-{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The permit key of <paramref name="id"/> (keccak256 of the normalised ID).</summary>
    public static Bytes32 Key(string id) => PermitId.Parse(id).Key.Value;

    /// <summary>The document the permit anchors.</summary>
    public static byte[] Document(string id) => System.Text.Encoding.UTF8.GetBytes($"<CITESEPermit id=\"{id}\"/>");

    /// <summary>The permit as RegisterPermit takes it.</summary>
    public PermitDraft Draft(string id, string destination) => new()
    {
        PermitId = id,
        Type = Api.V1.PermitType.CitesExport,
        Document = ByteString.CopyFrom(Document(id)),
        ValidFrom = Timestamp.FromDateTimeOffset(_from),
        ValidUntil = Timestamp.FromDateTimeOffset(Until),
        DestinationCountry = destination,
        Lines = { new Api.V1.QuantityLine { Amount = LineAmount.ToString(CultureInfo.InvariantCulture) } },
        MaxShipments = 1,
    };

    /// <summary>The same permit as the contract's PermitInput (for transactions signed here).</summary>
    public PermitInputMessage Input(string id, string destination) => new()
    {
        Key = Key(id).ToArray(),
        DocumentHash = DocumentHash.Compute(Document(id)).Value.ToArray(),
        PermitType = (byte)Contracts.PermitType.CitesExport,
        ValidFrom = (ulong)_from.ToUnixTimeSeconds(),
        ValidUntil = (ulong)Until.ToUnixTimeSeconds(),
        Destination = System.Text.Encoding.ASCII.GetBytes(destination),
        MaxShipments = 1,
        PreviousKey = new byte[32],
        ActorRef = BenchActor.ToArray(),
        Lines = [new BigInteger(LineAmount)],
    };
}
