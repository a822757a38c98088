using System.Globalization;
using System.Text;
using Ledger.Benchmarks.Statistics;

namespace Ledger.Benchmarks.Report;

/// <summary>Renders a run as report.md: the machine, a goals summary that names every missed goal, then one table per section.</summary>
internal static class MarkdownReport
{
    /// <summary>The report's text.</summary>
    /// <param name="run">When, in which mode, on which machine, under which load.</param>
    /// <param name="sections">The measured sections, in order.</param>
    /// <param name="chartFile">The chart's file name beside report.md, or null when none was drawn.</param>
    public static string Render(RunHeader run, IReadOnlyList<ReportSection> sections, string? chartFile)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(sections);
        var text = new StringBuilder();
        text.Append("# Permit Ledger load report\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Run {run.StartedAt:yyyy-MM-dd HH:mm} UTC, {(run.Quick ? "**quick mode** (short windows, small scale sizes: a smoke test, not figures to quote)" : "full mode")}, took {run.Took.TotalSeconds:0} s.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Load average (1, 5, 15 min) at the start: {run.LoadAtStart}; at the end: {run.LoadAtEnd}. ");
        text.Append("This machine is shared with other builds: figures taken under load are indicative; the ratios to baselines measured in the same run hold better than the absolute numbers.\n\n");
        AppendMachine(text, run.Machine);
        AppendSummary(text, sections);
        if (chartFile is not null)
            text.Append(CultureInfo.InvariantCulture, $"![verify throughput by client count]({chartFile})\n\n");
        foreach (var section in sections)
            AppendSection(text, section);
        return text.ToString();
    }

    /// <summary>One line per goal: "met" or "MISSED", for the console and the summary.</summary>
    public static IEnumerable<string> GoalLines(IEnumerable<ReportSection> sections) =>
        sections.SelectMany(s => s.Rows.Where(r => r.Goal is not null).Select(r =>
            $"{(r.Verdict == Verdict.Missed ? "MISSED" : Goal.Word(r.Verdict))}: {s.Title} / {r.Figure}: {r.ValueText}{(r.Ratio is not null ? $" ({r.RatioText} {r.BaselineName})" : "")}, goal {r.Goal!.Text}"));

    private static void AppendMachine(StringBuilder text, MachineInfo machine)
    {
        text.Append("## Machine\n\n| | |\n|---|---|\n");
        text.Append(CultureInfo.InvariantCulture, $"| CPU | {Cell(machine.Cpu)} |\n| cores | {machine.Cores} |\n| memory | {machine.Memory} |\n");
        text.Append(CultureInfo.InvariantCulture, $"| OS | {Cell(machine.OperatingSystem)} |\n| .NET | {Cell(machine.DotNet)} |\n| anvil | {Cell(machine.Anvil)} |\n\n");
    }

    private static void AppendSummary(StringBuilder text, IReadOnlyList<ReportSection> sections)
    {
        var judged = sections.SelectMany(s => s.Rows).Where(r => r.Goal is not null).ToList();
        var missed = judged.Count(r => r.Verdict == Verdict.Missed);
        var unmeasured = judged.Count(r => r.Verdict == Verdict.NotMeasured);
        text.Append("## Goals\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{judged.Count - missed - unmeasured} of {judged.Count} goals met, {missed} missed, {unmeasured} not measured.\n\n");
        foreach (var line in GoalLines(sections).Where(l => !l.StartsWith("met", StringComparison.Ordinal)))
            text.Append("- ").Append(line).Append('\n');
        text.Append('\n');
    }

    private static void AppendSection(StringBuilder text, ReportSection section)
    {
        text.Append("## ").Append(section.Title).Append("\n\n").Append(section.Method).Append("\n\n");
        if (section.Rows.Count > 0)
        {
            text.Append("| figure | measured | baseline | ratio | goal | verdict |\n|---|---:|---:|---:|---|---|\n");
            foreach (var row in section.Rows)
            {
                var figure = row.Note is null ? row.Figure : $"{row.Figure} ({row.Note})";
                text.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(figure)} | {row.ValueText} | {Cell(row.BaselineText)} | {row.RatioText} | {Cell(row.Goal?.Text ?? "")} | {Goal.Word(row.Verdict)} |\n");
            }
            text.Append('\n');
        }
        foreach (var note in section.Notes)
            text.Append("- ").Append(note).Append('\n');
        if (section.Notes.Count > 0)
            text.Append('\n');
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}

/// <summary>The facts of a run that head its report.</summary>
/// <param name="StartedAt">Start time (UTC).</param>
/// <param name="Took">Wall time of the whole run.</param>
/// <param name="Quick">Quick mode.</param>
/// <param name="Machine">The machine.</param>
/// <param name="LoadAtStart">Load averages at the start.</param>
/// <param name="LoadAtEnd">Load averages at the end.</param>
internal sealed record RunHeader(DateTimeOffset StartedAt, TimeSpan Took, bool Quick, MachineInfo Machine, string LoadAtStart, string LoadAtEnd);
