using System.Diagnostics;

namespace Ledger.Devnet.Processes;

/// <summary>
/// A child process (anvil, redis-server) that cannot outlive the devnet: it runs under a
/// small bash guard that stops it as soon as our end of the guard's stdin closes, which the
/// operating system does even when this process is killed outright. Disposing stops it.
/// </summary>
public sealed class GuardedProcess : IAsyncDisposable
{
    // Runs the child ("$@") and a watcher blocked on our stdin; when either ends, stops the other.
    private const string GuardScript = """
        exec 3<&0
        "$@" </dev/null 3<&- &
        child=$!
        ( cat <&3 >/dev/null ) >/dev/null 2>&1 &
        watcher=$!
        exec 3<&-
        wait -n "$child" "$watcher"
        kill -TERM "$child" "$watcher" 2>/dev/null
        wait
        """;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private const int KeptLines = 200;

    private readonly Process _guard;
    private readonly Queue<string> _recent = new();
    private readonly Task _pumps;
    private int _disposed;

    private GuardedProcess(Process guard, string name, Func<string, bool> isReady, TaskCompletionSource<string> ready)
    {
        _guard = guard;
        Name = name;
        _pumps = Task.WhenAll(PumpAsync(guard.StandardOutput, isReady, ready), PumpAsync(guard.StandardError, isReady, ready));
    }

    /// <summary>What runs, for messages ("anvil", "redis-server").</summary>
    public string Name { get; }

    /// <summary>The last lines the process printed, for error messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_recent)
                return string.Join(Environment.NewLine, _recent);
        }
    }

    /// <summary>
    /// Starts <paramref name="executable"/> and waits until it prints a line that
    /// <paramref name="isReady"/> accepts; returns that line with the process. Throws
    /// <see cref="InvalidOperationException"/> with the process's output when it exits
    /// first or is not ready within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(GuardedProcess Process, string ReadyLine)> StartAsync(
        string executable, IEnumerable<string> arguments, Func<string, bool> isReady, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(GuardScript);
        info.ArgumentList.Add("guard");
        info.ArgumentList.Add(executable);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        var name = Path.GetFileName(executable);
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var guard = Process.Start(info) ?? throw new InvalidOperationException($"bash did not start {name}.");
        var process = new GuardedProcess(guard, name, isReady, ready);
        try
        {
            var exited = guard.WaitForExitAsync(cancellationToken);
            var first = await Task.WhenAny(ready.Task, exited).WaitAsync(timeout, cancellationToken);
            if (first != ready.Task)
                throw new InvalidOperationException($"{name} exited during startup:{Environment.NewLine}{process.RecentOutput}");
            return (process, await ready.Task);
        }
        catch (TimeoutException)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"{name} was not ready after {timeout.TotalSeconds:0} s:{Environment.NewLine}{process.RecentOutput}");
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the process and waits until it is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        try
        {
            // Closing the guard's stdin makes it stop the child, reap it and exit.
            _guard.StandardInput.Close();
            await _guard.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException)
        {
            _guard.Kill(entireProcessTree: true);
            await _guard.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        await _pumps.WaitAsync(StopTimeout);
        _guard.Dispose();
    }

    private async Task PumpAsync(StreamReader reader, Func<string, bool> isReady, TaskCompletionSource<string> ready)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_recent)
            {
                _recent.Enqueue(line);
                if (_recent.Count > KeptLines)
                    _recent.Dequeue();
            }
            if (!ready.Task.IsCompleted && isReady(line))
                ready.TrySetResult(line);
        }
    }
}
