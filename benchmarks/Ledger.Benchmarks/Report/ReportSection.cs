namespace Ledger.Benchmarks.Report;

/// <summary>One part of the report: a title, what was measured and how, its table and notes.</summary>
/// <param name="Title">The section's heading.</param>
/// <param name="Method">How it was measured, in a sentence or two.</param>
internal sealed class ReportSection(string Title, string Method)
{
    /// <summary>The heading.</summary>
    public string Title { get; } = Title;

    /// <summary>How it was measured.</summary>
    public string Method { get; } = Method;

    /// <summary>The table.</summary>
    public List<ReportRow> Rows { get; } = [];

    /// <summary>Lines printed under the table (failures, caveats).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Adds a row and returns this section.</summary>
    public ReportSection Add(ReportRow row)
    {
        Rows.Add(row);
        return this;
    }
}
