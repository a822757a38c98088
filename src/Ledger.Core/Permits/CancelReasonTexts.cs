using System.Diagnostics.CodeAnalysis;

namespace Ledger.Core.Permits;

/// <summary>Human texts for <see cref="CancelReason"/> and the parsing of on-chain codes.</summary>
public static class CancelReasonTexts
{
    /// <summary>
    /// A short phrase, e.g. "issued in error", for "cancelled by the issuing authority (…)".
    /// An undefined code reads "reason code 7" rather than failing.
    /// </summary>
    public static string Describe(CancelReason reason) => reason switch
    {
        CancelReason.IssuedInError => "issued in error",
        CancelReason.Withdrawn => "withdrawn",
        CancelReason.Fraud => "fraud or misuse",
        CancelReason.SpecimenLost => "specimens lost, dead or destroyed",
        CancelReason.Replaced => "replaced by a new permit",
        CancelReason.Other => "other reason",
        _ => $"reason code {(byte)reason}",
    };

    /// <summary>
    /// Accepts a code to be written on chain: one of the defined reasons (zero means "not
    /// cancelled" and is never a reason).
    /// </summary>
    public static bool TryFromCode(int code, [NotNullWhen(true)] out CancelReason? reason, [NotNullWhen(false)] out string? error)
    {
        if (code is > 0 and <= byte.MaxValue && Enum.IsDefined((CancelReason)code))
        {
            reason = (CancelReason)code;
            error = null;
            return true;
        }
        reason = null;
        error = $"cancel reason {code} is not defined; use one of {string.Join(", ", Enum.GetValues<CancelReason>().Select(r => $"{(byte)r} ({Describe(r)})"))}";
        return false;
    }
}
