using System.Globalization;
using Ledger.Benchmarks.Statistics;

namespace Ledger.Benchmarks.Report;

/// <summary>
/// One line of a report table: a figure, the baseline it is compared with (measured in the same
/// run), their ratio, the goal and the verdict. Missing numbers (a stage that failed) print "n/a".
/// </summary>
/// <param name="Figure">What was measured.</param>
/// <param name="Value">The figure, in <paramref name="Unit"/>; null when not measured.</param>
/// <param name="Unit">E.g. "req/s", "ms", "gas".</param>
/// <param name="Baseline">The baseline in the same unit; null when the figure has none.</param>
/// <param name="BaselineName">What the baseline is, e.g. "raw eth_call".</param>
/// <param name="Goal">The goal; null when the figure has none.</param>
/// <param name="Note">Anything a reader needs beside the number (failures, a cut-short window).</param>
internal sealed record ReportRow(
    string Figure, double? Value, string Unit, double? Baseline = null, string? BaselineName = null, Goal? Goal = null, string? Note = null)
{
    /// <summary>Figure divided by baseline, when both exist.</summary>
    public double? Ratio => Value is { } v && !double.IsNaN(v) && Baseline is { } b && b > 0 ? v / b : null;

    /// <summary>The goal's verdict.</summary>
    public Verdict Verdict => Goal?.Judge(Value, Baseline) ?? Verdict.NoGoal;

    /// <summary>The figure with its unit, e.g. "21,304 req/s".</summary>
    public string ValueText => Format(Value, Unit);

    /// <summary>The baseline with its name, e.g. "14,020 req/s (raw eth_call)"; empty without one.</summary>
    public string BaselineText => Baseline is null && BaselineName is null ? "" : $"{Format(Baseline, Unit)} ({BaselineName})";

    /// <summary>The ratio, e.g. "1.52×" (more decimals where two would round it across its goal); empty without a baseline.</summary>
    public string RatioText => Ratio is { } r ? Statistics.Goal.RatioText(r, Goal) + "×" : Baseline is null ? "" : "n/a";

    /// <summary>A number in a unit as the report prints it.</summary>
    public static string Format(double? value, string unit)
    {
        if (value is not { } v || double.IsNaN(v))
            return "n/a";
        var digits = unit == "ms" ? (v < 10 ? "0.00" : v < 100 ? "0.0" : "N0") : v >= 100 ? "N0" : "0.##";
        return $"{v.ToString(digits, CultureInfo.InvariantCulture)} {unit}";
    }
}
