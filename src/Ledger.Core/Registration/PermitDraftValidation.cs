using System.Diagnostics.CodeAnalysis;
using Ledger.Core.Errors;

namespace Ledger.Core.Registration;

/// <summary>
/// The outcome of <see cref="PermitDraft.Validate"/>: either a registration, or every
/// problem found (never both).
/// </summary>
public sealed class PermitDraftValidation
{
    private PermitDraftValidation(PermitRegistration? registration, IReadOnlyList<ValidationProblem> problems)
    {
        Registration = registration;
        Problems = problems;
    }

    /// <summary>The checked permit, when there were no problems.</summary>
    public PermitRegistration? Registration { get; }

    /// <summary>Every problem found, in field order; empty when valid.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>True when the draft may be registered.</summary>
    [MemberNotNullWhen(true, nameof(Registration))]
    public bool IsValid => Registration is not null;

    /// <summary>The registration, or a <see cref="LedgerException"/> listing every problem.</summary>
    /// <exception cref="LedgerException">With kind InvalidArgument when the draft has problems.</exception>
    public PermitRegistration GetRegistrationOrThrow() =>
        Registration ?? throw new LedgerException(LedgerError.InvalidArgument(Problems));

    internal static PermitDraftValidation Valid(PermitRegistration registration) => new(registration, []);

    internal static PermitDraftValidation Invalid(IReadOnlyList<ValidationProblem> problems) => new(null, problems);
}
