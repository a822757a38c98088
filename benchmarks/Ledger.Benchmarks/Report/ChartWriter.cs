using ScottPlot;

namespace Ledger.Benchmarks.Report;

/// <summary>
/// Draws the report's chart with ScottPlot (PNG, DejaVu Sans): verify throughput per client count,
/// one bar per way of asking (raw eth_call, gRPC and HTTP/JSON, cached and uncached).
/// </summary>
internal static class ChartWriter
{
    /// <summary>One bar group: a way of asking and its req/s at each client count (NaN where not measured).</summary>
    /// <param name="Name">E.g. "gRPC cached".</param>
    /// <param name="PerSecond">req/s, one per entry of the client counts.</param>
    public sealed record Series(string Name, IReadOnlyList<double> PerSecond);

    /// <summary>Writes the PNG and returns its path.</summary>
    public static string WriteVerifyThroughput(string file, IReadOnlyList<int> clientCounts, IReadOnlyList<Series> series, string subtitle)
    {
        ArgumentNullException.ThrowIfNull(clientCounts);
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var palette = new ScottPlot.Palettes.Category10();
        var groupWidth = series.Count + 1;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            for (var c = 0; c < clientCounts.Count; c++)
            {
                var value = series[s].PerSecond[c];
                if (double.IsNaN(value))
                    continue;
                bars.Add(new Bar { Position = c * groupWidth + s, Value = value, FillColor = palette.GetColor(s) });
            }
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = series[s].Name;
            plotted.Color = palette.GetColor(s);
        }
        var ticks = clientCounts.Select((count, c) => new Tick(c * groupWidth + (series.Count - 1) / 2.0, $"{count} client{(count == 1 ? "" : "s")}")).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("verifications per second");
        plot.Title($"VerifyPermit throughput\n{subtitle}");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(file, 1000, 560);
        return file;
    }
}
