using System.Numerics;
using Ledger.Api.V1;
using Ledger.Cli.Connection;

namespace Ledger.Cli.Input;

/// <summary>Quantity lines from the command line: plain decimal integers that fit the chain's uint96.</summary>
public static class Quantities
{
    /// <summary>Most lines a permit has (the contract's limit).</summary>
    public const int MaxLines = 16;

    private static readonly BigInteger Limit = BigInteger.One << 96;

    /// <summary>
    /// Parses amounts such as "10" into quantity lines. Throws <see cref="CliInputException"/>
    /// naming the bad amount when one is not a decimal integer below 2^96, or is below
    /// <paramref name="minimum"/> (1 for a permit's lines, 0 for a shipment's).
    /// </summary>
    public static IReadOnlyList<QuantityLine> Parse(IReadOnlyList<string> amounts, int minimum)
    {
        if (amounts.Count is 0 or > MaxLines)
            throw new CliInputException($"give 1 to {MaxLines} quantities (--quantity), not {amounts.Count}.");
        var lines = new List<QuantityLine>(amounts.Count);
        foreach (var amount in amounts)
        {
            var text = amount.Trim();
            if (text.Length is 0 or > 29 || !text.All(char.IsAsciiDigit)
                || BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture) is var value && (value < minimum || value >= Limit))
                throw new CliInputException($"quantity '{amount}' is not a whole number from {minimum} to 2^96-1 (no sign, decimal point or separators).");
            lines.Add(new QuantityLine { Amount = value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        return lines;
    }
}
