using Ledger.Core.Countries;
using Ledger.Core.Documents;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using static System.FormattableString;

namespace Ledger.Core.Registration;

/// <summary>
/// Applies every registration rule to a <see cref="PermitDraft"/> and collects all
/// problems, so that an officer fixes the whole form at once. Each check returns its typed
/// value, or null after recording why there is none.
/// </summary>
internal sealed class PermitDraftValidator
{
    private readonly PermitDraft _draft;
    private readonly DateTimeOffset _now;
    private readonly CountryCode? _authorityCountry;
    private readonly List<ValidationProblem> _problems = [];

    private PermitDraftValidator(PermitDraft draft, DateTimeOffset now, CountryCode? authorityCountry)
    {
        _draft = draft;
        _now = now;
        _authorityCountry = authorityCountry;
    }

    public static PermitDraftValidation Validate(PermitDraft draft, DateTimeOffset now, CountryCode? authorityCountry)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new PermitDraftValidator(draft, now, authorityCountry).Run();
    }

    private PermitDraftValidation Run()
    {
        var id = CheckPermitId();
        var type = CheckType();
        var validity = CheckValidity(type);
        var destination = CheckDestination(id, type);
        var lines = CheckLines();
        var maxShipments = CheckMaxShipments(type);
        var previous = CheckPrevious(id);
        var documentHash = CheckDocument();

        if (_problems.Count == 0 && id is not null && type is { } knownType && validity is not null
            && lines is not null && maxShipments is { } max && documentHash is { } hash)
        {
            return PermitDraftValidation.Valid(
                new PermitRegistration(id, knownType, validity, destination, lines, max, previous, hash));
        }
        return PermitDraftValidation.Invalid(_problems);
    }

    private void Problem(string field, string message) => _problems.Add(new ValidationProblem(field, message));

    private PermitId? CheckPermitId()
    {
        if (!PermitId.TryParse(_draft.PermitId, out var id, out var error))
        {
            Problem("permitId", error);
            return null;
        }
        if (_authorityCountry is not null && id.Country != _authorityCountry)
        {
            Problem("permitId", $"starts with {id.Country}, but your authority is in {_authorityCountry}; "
                + "an authority registers only permits that carry its own country code");
        }
        return id;
    }

    private PermitType? CheckType()
    {
        if (PermitTypeRules.IsDefined(_draft.Type))
            return _draft.Type;
        var known = string.Join(", ", Enum.GetValues<PermitType>().Select(t => $"{(byte)t} {PermitTypeRules.Describe(t)}"));
        Problem("type", $"{(byte)_draft.Type} is not a permit type; use one of {known}");
        return null;
    }

    private ValidityWindow? CheckValidity(PermitType? type)
    {
        if (!ValidityWindow.TryCreate(_draft.ValidFrom, _draft.ValidUntil, out var window, out var windowProblems))
        {
            _problems.AddRange(windowProblems);
            return null;
        }
        var problemsBefore = _problems.Count;
        if (window.IsExpiredAt(_now))
        {
            Problem("validUntil", $"is in the past ({UtcText.Format(window.Until)}, now {UtcText.Format(_now)}); "
                + "a permit must still be valid when it is registered");
        }
        if (type is { } knownType && window.Until > PermitTypeRules.LatestValidUntil(knownType, window.From))
        {
            Problem("validUntil", Invariant($"gives {window.Length.TotalDays:0.#} days of validity, but a {PermitTypeRules.Describe(knownType)} ")
                + Invariant($"may be valid at most {PermitTypeRules.MaxValidityMonths(knownType)} months ")
                + $"(latest {UtcText.Format(PermitTypeRules.LatestValidUntil(knownType, window.From))} for this validFrom)");
        }
        return _problems.Count == problemsBefore ? window : null;
    }

    private CountryCode? CheckDestination(PermitId? id, PermitType? type)
    {
        if (string.IsNullOrWhiteSpace(_draft.Destination))
        {
            if (type is { } knownType && PermitTypeRules.RequiresDestination(knownType))
                Problem("destination", $"is required for a {PermitTypeRules.Describe(knownType)}: give the country of import's two-letter ISO code");
            return null;
        }
        if (!CountryCode.TryParse(_draft.Destination, out var destination, out var error))
        {
            Problem("destination", error);
            return null;
        }
        if (id is not null && destination == id.Country)
        {
            Problem("destination", $"is {destination}, the issuing country itself; name the other country of the trade");
            return null;
        }
        return destination;
    }

    private IReadOnlyList<UInt128>? CheckLines()
    {
        var lines = _draft.Lines;
        if (lines is null || lines.Count == 0)
        {
            Problem("lines", "a permit needs at least one quantity line");
            return null;
        }
        if (lines.Count > Quantities.MaxLines)
        {
            Problem("lines", $"has {lines.Count} lines; a permit may have at most {Quantities.MaxLines}");
            return null;
        }
        var problemsBefore = _problems.Count;
        for (var i = 0; i < lines.Count; i++)
        {
            if (Quantities.CheckAmount(lines[i]) is { } error)
                Problem($"lines[{i}]", $"line {i + 1}: {error}");
        }
        return _problems.Count == problemsBefore ? lines.ToArray() : null;
    }

    private ushort? CheckMaxShipments(PermitType? type)
    {
        var max = _draft.MaxShipments;
        if (max is < 0 or > ushort.MaxValue)
        {
            Problem("maxShipments", Invariant($"is {max}; it must be 1 to {ushort.MaxValue}, or 0 for unlimited"));
            return null;
        }
        if (type is { } knownType && PermitTypeRules.IsSingleShipment(knownType) && max != 1)
        {
            var given = max == 0 ? "0 (unlimited)" : Invariant($"{max}");
            Problem("maxShipments", $"is {given}, but a {PermitTypeRules.Describe(knownType)} covers exactly one shipment: use 1");
            return null;
        }
        return (ushort)max;
    }

    private PermitId? CheckPrevious(PermitId? id)
    {
        if (string.IsNullOrWhiteSpace(_draft.PreviousPermitId))
            return null;
        if (!PermitId.TryParse(_draft.PreviousPermitId, out var previous, out var error))
        {
            Problem("previousPermitId", error);
            return null;
        }
        // No same-country rule: a re-export certificate derives from another country's permit.
        if (previous == id)
        {
            Problem("previousPermitId", "is the permit's own number; a permit cannot derive from itself");
            return null;
        }
        return previous;
    }

    private DocumentHash? CheckDocument()
    {
        DocumentHash? computed = null;
        DocumentHash? presented = null;
        if (_draft.Document is { } document)
        {
            if (DocumentHash.TryCompute(document.Span, out var hash, out var error))
                computed = hash;
            else
                Problem("document", error);
        }
        if (!string.IsNullOrWhiteSpace(_draft.DocumentHash))
        {
            if (DocumentHash.TryParse(_draft.DocumentHash, out var hash, out var error))
                presented = hash;
            else
                Problem("documentHash", error);
        }
        if (_draft.Document is null && string.IsNullOrWhiteSpace(_draft.DocumentHash))
        {
            Problem("document", "send the permit document, or its SHA-256 as documentHash");
            return null;
        }
        if (computed is { } fromDocument && presented is { } fromText && fromDocument != fromText)
        {
            Problem("documentHash", $"does not match the SHA-256 of the document sent ({fromDocument}); send one of them, or make them agree");
            return null;
        }
        return computed ?? presented;
    }
}
