using System.Diagnostics;
using System.Text;

namespace Ledger.Testing;

/// <summary>
/// Runs many <c>cast</c> invocations as one batch: a generated shell script executed by a
/// single bash process, so a differential test with thousands of cases costs one process
/// start from the test, not one per case. cast has no multi-input mode of its own.
/// </summary>
public static class CastBatch
{
    private const string Separator = "--8<--cast-case--8<--";

    /// <summary>
    /// Runs <c>cast</c> once per argument list and returns each invocation's trimmed
    /// standard output, in order. Throws when any invocation fails, naming the case.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunAsync(
        IReadOnlyList<IReadOnlyList<string>> cases, CancellationToken cancellationToken = default)
    {
        var script = new StringBuilder("set -u\n");
        script.Append("CAST=").Append(Quote(ToolPaths.Cast)).Append('\n');
        for (var i = 0; i < cases.Count; i++)
        {
            script.Append("\"$CAST\"");
            foreach (var arg in cases[i])
                script.Append(' ').Append(Quote(arg));
            script.Append(" || echo \"CAST-FAILED ").Append(i).Append("\"\n");
            script.Append("echo ").Append(Quote(Separator)).Append('\n');
        }

        var scriptPath = Path.Combine(Path.GetTempPath(), $"cast-batch-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(scriptPath, script.ToString(), cancellationToken);
        try
        {
            var (stdout, stderr, exitCode) = await RunBashAsync(scriptPath, cancellationToken);
            if (exitCode != 0)
                throw new InvalidOperationException($"cast batch exited {exitCode}: {stderr}");
            var outputs = stdout.Split(Separator + "\n");
            var results = new List<string>(cases.Count);
            for (var i = 0; i < cases.Count; i++)
            {
                var output = outputs[i].Trim();
                if (output.StartsWith("CAST-FAILED", StringComparison.Ordinal))
                    throw new InvalidOperationException(
                        $"cast failed on case {i}: cast {string.Join(' ', cases[i])}\n{stderr}");
                results.Add(output);
            }
            return results;
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }

    private static async Task<(string Stdout, string Stderr, int ExitCode)> RunBashAsync(
        string scriptPath, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("bash", [scriptPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (await stdout, await stderr, process.ExitCode);
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''") + "'";
}
