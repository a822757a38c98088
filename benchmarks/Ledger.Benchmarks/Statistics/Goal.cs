using System.Globalization;

namespace Ledger.Benchmarks.Statistics;

/// <summary>Whether a figure meets its goal, in the words the report uses.</summary>
internal enum Verdict
{
    /// <summary>The figure has no goal of its own (a baseline, a context figure).</summary>
    NoGoal,

    /// <summary>The goal is met.</summary>
    Met,

    /// <summary>The goal is missed.</summary>
    Missed,

    /// <summary>The figure could not be measured (its stage failed), so the goal is not judged.</summary>
    NotMeasured,
}

/// <summary>
/// A goal of issue 13: a bound on a figure (at least, at most) or on its ratio to the baseline
/// measured in the same run. <see cref="Judge"/> says met or MISSED; nothing is enforced.
/// </summary>
internal abstract record Goal
{
    /// <summary>The goal as the report prints it, e.g. "≥ 0.8 × raw".</summary>
    public abstract string Text { get; }

    /// <summary>Judges a figure and, for ratio goals, its baseline; NotMeasured when a needed number is missing.</summary>
    public abstract Verdict Judge(double? value, double? baseline);

    /// <summary>The figure must be at least <paramref name="minimum"/> (in <paramref name="unit"/>).</summary>
    public static Goal AtLeast(double minimum, string unit) => new Bound(minimum, unit, Higher: true);

    /// <summary>The figure must be at most <paramref name="maximum"/> (in <paramref name="unit"/>).</summary>
    public static Goal AtMost(double maximum, string unit) => new Bound(maximum, unit, Higher: false);

    /// <summary>The figure divided by its baseline must be at least <paramref name="minimum"/>.</summary>
    public static Goal RatioAtLeast(double minimum, string baselineName) => new Ratio(minimum, baselineName, Higher: true);

    /// <summary>The figure divided by its baseline must be at most <paramref name="maximum"/> (e.g. "flat": the largest size against the smallest).</summary>
    public static Goal RatioAtMost(double maximum, string baselineName) => new Ratio(maximum, baselineName, Higher: false);

    /// <summary>The report's word for a verdict.</summary>
    public static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Met => "met",
        Verdict.Missed => "**MISSED**",
        Verdict.NotMeasured => "not measured",
        _ => "",
    };

    /// <summary>
    /// A ratio as the report prints it, without the "×": two decimals, or as many more (up to four)
    /// as it takes for the printed ratio to meet <paramref name="goal"/> exactly when the ratio does,
    /// so that 0.7991 against "≥ 0.8" reads 0.799, not a missed 0.80.
    /// </summary>
    public static string RatioText(double ratio, Goal? goal)
    {
        for (var decimals = 2; decimals < 4; decimals++)
        {
            var text = Decimals(ratio, decimals);
            if (goal is not Ratio bound || bound.Meets(double.Parse(text, CultureInfo.InvariantCulture)) == bound.Meets(ratio))
                return text;
        }
        return Decimals(ratio, 4);
    }

    private static string Decimals(double value, int decimals) => value.ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString(value >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture);

    private sealed record Bound(double Limit, string Unit, bool Higher) : Goal
    {
        public override string Text => $"{(Higher ? "≥" : "≤")} {Number(Limit)} {Unit}";

        public override Verdict Judge(double? value, double? baseline) => value switch
        {
            null or double.NaN => Verdict.NotMeasured,
            { } v => (Higher ? v >= Limit : v <= Limit) ? Verdict.Met : Verdict.Missed,
        };
    }

    private sealed record Ratio(double Limit, string BaselineName, bool Higher) : Goal
    {
        public override string Text => $"{(Higher ? "≥" : "≤")} {Number(Limit)} × {BaselineName}";

        public override Verdict Judge(double? value, double? baseline)
        {
            if (value is not { } v || baseline is not { } b || b <= 0 || double.IsNaN(v))
                return Verdict.NotMeasured;
            return Meets(v / b) ? Verdict.Met : Verdict.Missed;
        }

        public bool Meets(double ratio) => Higher ? ratio >= Limit : ratio <= Limit;
    }
}
