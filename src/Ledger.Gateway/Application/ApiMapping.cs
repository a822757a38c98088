using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Gateway.Chain;
using CoreQuantityLine = Ledger.Core.Permits.QuantityLine;
using CoreDraft = Ledger.Core.Registration.PermitDraft;

namespace Ledger.Gateway.Application;

/// <summary>Converts between the ledger.v1 messages and Core's types, collecting every input problem.</summary>
internal static class ApiMapping
{
    /// <summary>
    /// The Core draft for an API draft; problems the conversion finds (unparsable amounts,
    /// missing type or dates) are added to <paramref name="problems"/> under <paramref name="field"/>.
    /// </summary>
    public static CoreDraft? ToDraft(Ledger.Api.V1.PermitDraft? draft, string field, List<ValidationProblem> problems)
    {
        if (draft is null)
        {
            problems.Add(new ValidationProblem(field, "is required"));
            return null;
        }
        var start = problems.Count;
        Ledger.Core.Permits.PermitType type = default;
        if (draft.Type == Ledger.Api.V1.PermitType.Unspecified || !System.Enum.IsDefined(draft.Type))
            problems.Add(new ValidationProblem($"{field}.type", "is required (e.g. PERMIT_TYPE_CITES_EXPORT)"));
        else
            type = (Ledger.Core.Permits.PermitType)draft.Type.ToChainValue();
        var validFrom = Time(draft.ValidFrom, $"{field}.valid_from", problems);
        var validUntil = Time(draft.ValidUntil, $"{field}.valid_until", problems);
        if (draft.Lines.Count > Quantities.MaxLines)
            problems.Add(new ValidationProblem($"{field}.lines", $"has {draft.Lines.Count} lines; a permit has at most {Quantities.MaxLines}"));
        var lines = ParseAmounts(draft.Lines, $"{field}.lines", problems);
        if (problems.Count > start)
            return null;
        return new CoreDraft
        {
            PermitId = draft.PermitId,
            Type = type,
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            Destination = string.IsNullOrEmpty(draft.DestinationCountry) ? null : draft.DestinationCountry,
            Lines = lines,
            MaxShipments = checked((int)Math.Min(draft.MaxShipments, int.MaxValue)),
            PreviousPermitId = string.IsNullOrEmpty(draft.PreviousPermitId) ? null : draft.PreviousPermitId,
            Document = draft.Document.Memory,
        };
    }

    /// <summary>The permit ID, or INVALID_ARGUMENT naming <paramref name="field"/>.</summary>
    public static PermitId ParsePermitId(string? text, string field) =>
        PermitId.TryParse(text, out var id, out var error)
            ? id
            : throw new LedgerException(LedgerError.InvalidArgument(field, error));

    /// <summary>
    /// Parses amounts (decimal strings), adding a problem per bad one. Authorised amounts are
    /// positive; a shipment may give 0 for lines it does not carry (<paramref name="allowZero"/>).
    /// </summary>
    public static List<UInt128> ParseAmounts(
        RepeatedField<Ledger.Api.V1.QuantityLine> lines, string field, List<ValidationProblem> problems, bool allowZero = false)
    {
        var amounts = new List<UInt128>(lines.Count);
        for (var i = 0; i < lines.Count && i < Quantities.MaxLines; i++)
        {
            var text = lines[i].Amount?.Trim() ?? "";
            if (allowZero && text.Length > 0 && text.All(c => c == '0'))
                amounts.Add(UInt128.Zero);
            else if (Quantities.TryParseAmount(text, out var amount, out var error))
                amounts.Add(amount);
            else
                problems.Add(new ValidationProblem($"{field}[{i}]", error));
        }
        return amounts;
    }

    /// <summary>Balances per line for a response.</summary>
    public static IEnumerable<LineBalance> ToBalances(IEnumerable<CoreQuantityLine> lines) =>
        lines.Select(line => new LineBalance
        {
            Authorised = line.Authorised.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Used = line.Used.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Remaining = line.Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>The receipt of a mined write.</summary>
    public static WriteReceipt ToReceipt(ChainWriteResult result) => new()
    {
        TxHash = result.Receipt.Hash.ToString(),
        BlockNumber = result.Receipt.BlockNumber,
        BlockTime = Timestamp.FromDateTimeOffset(result.BlockTime),
    };

    /// <summary>Throws INVALID_ARGUMENT listing every problem, if there are any.</summary>
    public static void ThrowIfAny(List<ValidationProblem> problems)
    {
        if (problems.Count > 0)
            throw new LedgerException(LedgerError.InvalidArgument(problems));
    }

    private static DateTimeOffset Time(Timestamp? value, string field, List<ValidationProblem> problems)
    {
        if (value is null)
        {
            problems.Add(new ValidationProblem(field, "is required"));
            return default;
        }
        // A timestamp outside 0001..9999 cannot be converted; the validator bounds the rest.
        if (value.Seconds is < -62135596800 or > 253402300799 || value.Nanos is < 0 or > 999_999_999)
        {
            problems.Add(new ValidationProblem(field, "is not a valid time"));
            return default;
        }
        // The chain stores whole seconds; truncating a fraction would anchor another time than the one sent.
        if (value.Nanos != 0)
        {
            problems.Add(new ValidationProblem(field, $"has a fraction of a second ({value.Nanos} ns); give whole seconds (nanos = 0)"));
            return default;
        }
        return value.ToDateTimeOffset();
    }
}
