using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Ledger.Processes;

namespace Ledger.Benchmarks.Report;

/// <summary>The machine a run measured: CPU, cores, memory, OS, .NET, anvil, and how loaded it was.</summary>
/// <param name="Cpu">CPU model name.</param>
/// <param name="Cores">Logical processors this process may use.</param>
/// <param name="Memory">Total memory, e.g. "7.7 GiB".</param>
/// <param name="OperatingSystem">OS name and version.</param>
/// <param name="DotNet">The .NET runtime.</param>
/// <param name="Anvil">anvil's version line.</param>
internal sealed record MachineInfo(string Cpu, int Cores, string Memory, string OperatingSystem, string DotNet, string Anvil)
{
    /// <summary>Reads the machine's facts (Linux /proc and /etc files; "unknown" where absent).</summary>
    public static async Task<MachineInfo> ReadAsync(CancellationToken ct)
    {
        var cpu = ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ProcLine("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var kb)
            ? $"{(kb / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} GiB"
            : "unknown";
        var os = ReadOsRelease() ?? RuntimeInformation.OSDescription;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? $", Linux {File.ReadAllText("/proc/sys/kernel/osrelease").Trim()}" : "";
        return new MachineInfo(cpu, Environment.ProcessorCount, memory, os + kernel,
            RuntimeInformation.FrameworkDescription, await AnvilVersionAsync(ct));
    }

    /// <summary>The 1-, 5- and 15-minute load averages, e.g. "3.12 2.80 2.10", or "unknown".</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string? ProcLine(string file, string key)
    {
        if (!File.Exists(file))
            return null;
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string? ReadOsRelease()
    {
        const string file = "/etc/os-release";
        if (!File.Exists(file))
            return null;
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
        return line?["PRETTY_NAME=".Length..].Trim('"');
    }

    private static async Task<string> AnvilVersionAsync(CancellationToken ct)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(ToolLocator.Anvil(), "--version") { RedirectStandardOutput = true, UseShellExecute = false })
                ?? throw new InvalidOperationException("anvil did not start");
            var text = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "unknown";
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or FileNotFoundException)
        {
            return $"unknown ({e.GetType().Name})";
        }
    }
}
