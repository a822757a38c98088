using System.Diagnostics;
using System.Globalization;
using Ledger.Benchmarks.Permits;
using Ledger.Benchmarks.Report;
using Ledger.Benchmarks.Stages;

namespace Ledger.Benchmarks;

/// <summary>
/// One run: starts the devnet; measures cached verify, register-to-visible and the watch fan-out while
/// the followers are current, then writes, scale (its bulk load fills the chain), uncached verify
/// on the bulk-loaded permits and the watch replay; then writes report.md and the chart. A stage that fails
/// is reported as such and the run goes on; the exit code is then 1. Goals are reported, never enforced.
/// </summary>
internal static class BenchRun
{
    /// <summary>Runs everything; 0 when every stage ran, 1 when one failed.</summary>
    public static async Task<int> RunAsync(BenchOptions options, TextWriter log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineInfo.LoadAverage();
        var machine = await MachineInfo.ReadAsync(ct);
        Directory.CreateDirectory(options.OutputDirectory);
        var stateFolder = Path.Combine(Path.GetTempPath(), $"ledger-bench-{Environment.ProcessId}");
        var sections = new List<ReportSection>();
        var failures = 0;
        string? chart = null;
        try
        {
            await log.WriteLineAsync($"{(options.Quick ? "quick" : "full")} run on {machine.Cpu}, {machine.Cores} cores; starting the devnet");
            await using var context = await BenchContext.StartAsync(stateFolder, log, ct);
            var loader = new BulkLoader(context, log);
            var pool = new PermitPool(() => loader.Loaded, loader.Id);
            var verify = new VerifyStage(context, options, loader, pool, log);
            var watch = new WatchStage(context, options, loader, log);
            // Order matters: what needs current followers runs before anything registers thousands of permits
            // at once (the writes' shipment targets, the bulk load), what needs many permits after.
            var stages = new (string Key, string Name, Func<Task<ReportSection?>> Run)[]
            {
                ("verify-cached", "Verify, cached", () => verify.RunCachedAsync(ct)),
                ("visibility", "Register-to-visible", async () => await new VisibilityStage(context, options, log).RunAsync(ct)),
                ("fan-out", "WatchPermits fan-out", async () => await watch.RunFanOutAsync(ct)),
                ("writes", "Register and record shipment", async () => await new WriteStage(context, options, log).RunAsync(ct)),
                ("scale", "Scale", async () => await new ScaleStage(context, options, loader, pool, stateFolder, log).RunAsync(ct)),
                ("verify-uncached", "Verify, uncached", async () => await UncachedAsync(options, loader, verify, log, ct)),
                ("replay", "WatchPermits replay", async () => await watch.RunReplayAsync(ct)),
                ("drills", "Drills", async () => await DrillsSection.RunAsync(options.Quick, stateFolder, ct)),
            };
            foreach (var (key, name, run) in stages.Where(stage => options.Runs(stage.Key)))
            {
                await log.WriteLineAsync($"[{name}]");
                try
                {
                    if (await run() is { } section)
                        sections.Add(section);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    failures++;
                    await log.WriteLineAsync($"  {name} FAILED: {e.GetType().Name}: {e.Message}");
                    var failed = new ReportSection(name, "This stage failed; its figures are missing.");
                    failed.Notes.Add($"FAILED: {e.GetType().Name}: {e.Message}");
                    sections.Add(failed);
                }
            }
            if (verify.Chart.Count > 0)
                chart = DrawChart(options, verify, machine);
        }
        finally
        {
            TryDelete(stateFolder);
        }
        var header = new RunHeader(startedAt, clock.Elapsed, options.Quick, machine, loadAtStart, MachineInfo.LoadAverage());
        var report = Path.Combine(options.OutputDirectory, "report.md");
        await File.WriteAllTextAsync(report, MarkdownReport.Render(header, sections, chart is null ? null : Path.GetFileName(chart)), ct);
        foreach (var line in MarkdownReport.GoalLines(sections))
            await log.WriteLineAsync(line);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"report: {report}{(chart is null ? "" : $", chart: {chart}")}; {clock.Elapsed.TotalSeconds:0} s; {(failures == 0 ? "every stage ran" : $"{failures} stage(s) FAILED")}"));
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Uncached verify asks bulk-loaded permits; when the scale stage did not load them, loads the smallest scale size first.</summary>
    private static async Task<ReportSection> UncachedAsync(BenchOptions options, BulkLoader loader, VerifyStage verify, TextWriter log, CancellationToken ct)
    {
        if (loader.Loaded == 0)
        {
            await log.WriteLineAsync($"  the scale stage did not run: bulk-loading {options.ScaleSizes[0]:N0} permits first");
            await loader.LoadToAsync(options.ScaleSizes[0], ct);
        }
        return await verify.RunUncachedAsync(ct);
    }

    private static string? DrawChart(BenchOptions options, VerifyStage verify, MachineInfo machine)
    {
        try
        {
            return ChartWriter.WriteVerifyThroughput(Path.Combine(options.OutputDirectory, "verify-throughput.png"), BenchOptions.VerifyConcurrency, verify.Chart,
                $"{(options.Quick ? "quick run, " : "")}{machine.Cores} cores, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or IOException)
        {
            // A machine without the native Skia library or fonts still gets its report.
            System.Console.Error.WriteLine($"chart not drawn: {e.GetType().Name}: {e.Message}");
            return null;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind harms nothing.
        }
    }
}
