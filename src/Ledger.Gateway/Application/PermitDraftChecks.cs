using Ledger.Core.Countries;
using Ledger.Core.Errors;
using Ledger.Core.Registration;

namespace Ledger.Gateway.Application;

/// <summary>Validates API drafts with Core, collecting every problem of every draft before anything is sent.</summary>
internal static class PermitDraftChecks
{
    /// <summary>
    /// The registrations for <paramref name="drafts"/> (field names prefixed per draft), or
    /// INVALID_ARGUMENT listing every problem. Whose country the permits are is an
    /// authorisation question, answered by <see cref="RequireIssuingCountry"/>.
    /// </summary>
    public static IReadOnlyList<PermitRegistration> Validate(
        IReadOnlyList<(Ledger.Api.V1.PermitDraft? Draft, string Field)> drafts, DateTimeOffset now)
    {
        var problems = new List<ValidationProblem>();
        var registrations = new List<PermitRegistration>(drafts.Count);
        foreach (var (apiDraft, field) in drafts)
        {
            var draft = ApiMapping.ToDraft(apiDraft, field, problems);
            if (draft is null)
                continue;
            var validation = draft.Validate(now);
            if (validation.Registration is { } registration)
                registrations.Add(registration);
            else
                problems.AddRange(validation.Problems.Select(p => p with { Field = $"{field}.{ProtoFieldName(p.Field)}" }));
        }
        ApiMapping.ThrowIfAny(problems);
        return registrations;
    }

    /// <summary>PERMISSION_DENIED unless every permit carries <paramref name="callerCountry"/>: an authority registers only its own country's permits.</summary>
    public static void RequireIssuingCountry(IEnumerable<PermitRegistration> registrations, CountryCode callerCountry)
    {
        if (registrations.FirstOrDefault(r => r.Id.Country != callerCountry) is { } foreign)
            throw new LedgerException(Messages.RegisteringForAnotherCountry(foreign.Id, callerCountry));
    }

    /// <summary>Core names fields in C# style (maxShipments); clients know the proto names (max_shipments).</summary>
    private static string ProtoFieldName(string coreField)
    {
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
