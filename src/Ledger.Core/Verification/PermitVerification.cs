using Ledger.Core.Documents;
using Ledger.Core.Permits;

namespace Ledger.Core.Verification;

/// <summary>
/// The answer to "may this permit be used?": status and reason, the anchored facts behind
/// them (issuer, validity, lines with what remains, shipments, document hash, links), and
/// whether a presented document matches. <see cref="VerificationTexts"/> words it for people.
/// </summary>
public sealed class PermitVerification
{
    /// <summary>Creates an answer; the status follows from <paramref name="reason"/>.</summary>
    /// <param name="key">The permit key asked about.</param>
    /// <param name="id">The permit ID, when the question came with one.</param>
    /// <param name="reason">Why the permit has its status.</param>
    /// <param name="permit">The anchored facts; null exactly when the reason is Unknown.</param>
    /// <param name="documentMatches">Whether a presented document hash matched; null when none was presented or the permit is unknown.</param>
    /// <param name="checkedAt">The moment the answer holds for (block time or the gateway's clock).</param>
    /// <exception cref="ArgumentException">When the arguments contradict each other.</exception>
    public PermitVerification(
        PermitKey key, PermitId? id, VerificationReason reason, AnchoredPermit? permit, bool? documentMatches, DateTimeOffset checkedAt)
    {
        if (id is not null && id.Key != key)
            throw new ArgumentException("The permit ID does not hash to the key.", nameof(id));
        if ((reason == VerificationReason.Unknown) != (permit is null))
            throw new ArgumentException("Facts are given exactly when the permit is known.", nameof(permit));
        if (permit is null && documentMatches is not null)
            throw new ArgumentException("A document cannot match an unknown permit.", nameof(documentMatches));
        Key = key;
        Id = id;
        Reason = reason;
        Permit = permit;
        DocumentMatches = documentMatches;
        CheckedAt = checkedAt;
    }

    /// <summary>The permit key asked about.</summary>
    public PermitKey Key { get; }

    /// <summary>The permit ID, when known.</summary>
    public PermitId? Id { get; }

    /// <summary>VALID, CANCELLED or NOT_AVAILABLE.</summary>
    public VerificationStatus Status => VerificationRules.StatusOf(Reason);

    /// <summary>Why.</summary>
    public VerificationReason Reason { get; }

    /// <summary>The anchored facts; null when the permit is unknown.</summary>
    public AnchoredPermit? Permit { get; }

    /// <summary>True or false when a document hash was presented for a known permit; else null.</summary>
    public bool? DocumentMatches { get; }

    /// <summary>The moment the answer holds for.</summary>
    public DateTimeOffset CheckedAt { get; }

    /// <summary>
    /// Derives the answer from the anchored facts at <paramref name="now"/>, as the
    /// contracts would (see <see cref="VerificationRules.ReasonFor"/>).
    /// </summary>
    /// <param name="id">The permit asked about.</param>
    /// <param name="permit">Its anchored facts, or null when nothing is registered under its key.</param>
    /// <param name="now">The moment to evaluate at.</param>
    /// <param name="presentedHash">The hash of a document the verifier holds, if any.</param>
    public static PermitVerification Evaluate(PermitId id, AnchoredPermit? permit, DateTimeOffset now, DocumentHash? presentedHash = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        var matches = permit is not null && presentedHash is { } presented ? presented == permit.DocumentHash : (bool?)null;
        return new PermitVerification(id.Key, id, VerificationRules.ReasonFor(id, permit, now), permit, matches, now);
    }
}
