using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ledger.Core.Permits;

/// <summary>
/// Limits for permit quantity lines, shared with the contracts: each line's amount is a
/// positive <c>uint96</c>, at most <see cref="MaxLines"/> lines per permit. Amounts are in
/// the unit printed on the permit line (specimens, kg, m³ ...); the ledger compares them,
/// it does not convert them.
/// </summary>
public static class Quantities
{
    /// <summary>Most lines a permit may have.</summary>
    public const int MaxLines = 16;

    /// <summary>Longest decimal text accepted for an amount (2^96 - 1 has 29 digits).</summary>
    private const int MaxDigits = 29;

    /// <summary>Largest amount of one line: 2^96 - 1, the <c>uint96</c> limit.</summary>
    public static UInt128 MaxAmount { get; } = (UInt128.One << 96) - 1;

    /// <summary>
    /// Checks an amount to be authorised or recorded: positive and at most
    /// <see cref="MaxAmount"/>. Returns null when it is acceptable, else the reason.
    /// </summary>
    public static string? CheckAmount(UInt128 amount) =>
        amount == UInt128.Zero ? "amount must be positive"
        : amount > MaxAmount ? $"amount {amount} is larger than the ledger's maximum {MaxAmount} (2^96 - 1)"
        : null;

    /// <summary>
    /// Parses a decimal amount as sent over the wire (<c>uint96</c> does not fit in 64 bits):
    /// ASCII digits only, no sign, no separators, positive, at most <see cref="MaxAmount"/>.
    /// </summary>
    public static bool TryParseAmount(string? text, out UInt128 amount, [NotNullWhen(false)] out string? error)
    {
        amount = UInt128.Zero;
        var digits = (text ?? string.Empty).Trim();
        if (digits.Length == 0)
        {
            error = "amount is empty; give a whole number such as 12";
            return false;
        }
        if (!digits.All(char.IsAsciiDigit))
        {
            error = "amount must be a whole number written with the digits 0-9 only (no sign, decimals or separators)";
            return false;
        }
        var significant = digits.TrimStart('0');
        if (significant.Length > MaxDigits)
        {
            error = $"amount has {significant.Length} digits; the ledger's maximum {MaxAmount} has {MaxDigits}";
            return false;
        }
        amount = significant.Length == 0 ? UInt128.Zero : UInt128.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture);
        error = CheckAmount(amount);
        return error is null;
    }
}
