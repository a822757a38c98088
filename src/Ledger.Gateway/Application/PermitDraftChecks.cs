using Ledger.Core.Countries;
using Ledger.Core.Errors;
using Ledger.Core.Registration;

namespace Ledger.Gateway.Application;

/// <summary>
/// Validates API drafts with Core, collecting every problem of every draft before anything is
/// stored or sent. A CITES ePermit or ePhyto document fills the fields left empty and must
/// agree with the ones given (<see cref="DocumentDraftIntake"/>).
/// </summary>
internal static class PermitDraftChecks
{
    /// <summary>
    /// The checked permits for <paramref name="drafts"/> (field names prefixed per draft), or
    /// INVALID_ARGUMENT listing every problem, each disagreement with a document included.
    /// Whose country the permits are is an authorisation question, answered by
    /// <see cref="RequireIssuingCountry"/>.
    /// </summary>
    public static IReadOnlyList<CheckedPermit> Validate(
        IReadOnlyList<(Ledger.Api.V1.PermitDraft? Draft, string Field)> drafts, DateTimeOffset now)
    {
        var problems = new List<ValidationProblem>();
        var permits = new List<CheckedPermit>(drafts.Count);
        foreach (var (apiDraft, field) in drafts)
        {
            var before = problems.Count;
            var (filled, summary) = apiDraft is null ? (null, null) : DocumentDraftIntake.Fill(apiDraft, field, problems);
            if (problems.Count > before)
                continue;
            var draft = ApiMapping.ToDraft(filled, field, problems);
            if (draft is null)
                continue;
            if (summary is not null)
            {
                problems.AddRange(DocumentDraftIntake.Disagreements(summary, draft, field));
                if (problems.Count > before)
                    continue;
            }
            var validation = draft.Validate(now);
            if (validation.Registration is { } registration)
                permits.Add(new CheckedPermit(registration, filled!.Document.Memory, DocumentMediaTypes.Sniff(filled.Document.Span)));
            else
                problems.AddRange(validation.Problems.Select(p => p with { Field = $"{field}.{ProtoFieldName(p.Field)}" }));
        }
        ApiMapping.ThrowIfAny(problems);
        return permits;
    }

    /// <summary>PERMISSION_DENIED unless every permit carries <paramref name="callerCountry"/>: an authority registers only its own country's permits.</summary>
    public static void RequireIssuingCountry(IEnumerable<CheckedPermit> permits, CountryCode callerCountry)
    {
        if (permits.FirstOrDefault(p => p.Registration.Id.Country != callerCountry) is { } foreign)
            throw new LedgerException(Messages.RegisteringForAnotherCountry(foreign.Registration.Id, callerCountry));
    }

    /// <summary>
    /// Core names fields in C# style (maxShipments); clients know the proto names
    /// (max_shipments). Core's "destination" is the proto's destination_country.
    /// </summary>
    public static string ProtoFieldName(string coreField)
    {
        if (coreField == "destination")
            return "destination_country";
        var name = new System.Text.StringBuilder(coreField.Length + 4);
        foreach (var c in coreField)
        {
            if (char.IsAsciiLetterUpper(c))
                name.Append('_').Append(char.ToLowerInvariant(c));
            else
                name.Append(c);
        }
        return name.ToString();
    }
}
