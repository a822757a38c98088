using System.Diagnostics;

namespace Ledger.Processes;

/// <summary>
/// A child process (anvil, redis-server) that cannot outlive its parent: it runs under a
/// small bash guard that stops it as soon as our end of the guard's stdin closes, which the
/// operating system does even when this process is killed outright. Disposing stops it and
/// waits until it is gone; a normal exit of this process without disposal stops it too.
/// </summary>
public sealed class GuardedProcess : IAsyncDisposable
{
    // Runs the child ("$@") and a watcher blocked on our stdin; when either ends, stops the other.
    // The watcher keeps a dup of stdin (fd 3): a background job's own stdin is /dev/null.
    private const string GuardScript = """
        exec 3<&0
        "$@" </dev/null 3<&- &
        child=$!
        ( cat <&3 >/dev/null ) >/dev/null 2>&1 &
        watcher=$!
        exec 3<&-
        echo "GUARDED_PID=$child" >&2
        wait -n "$child" "$watcher"
        kill -TERM "$child" "$watcher" 2>/dev/null
        wait
        """;

    private const string PidMarker = "GUARDED_PID=";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _guard;
    private readonly ProcessOutputLog _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _processId = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<string, bool> _isReady;
    private readonly EventHandler _onHostExit;
    private readonly Task _pumps;
    private int _disposed;

    private GuardedProcess(Process guard, string name, string commandLine, Func<string, bool> isReady)
    {
        _guard = guard;
        _isReady = isReady;
        Name = name;
        CommandLine = commandLine;
        _onHostExit = (_, _) => KillNow();
        AppDomain.CurrentDomain.ProcessExit += _onHostExit;
        _pumps = Task.WhenAll(PumpAsync(guard.StandardOutput), PumpAsync(guard.StandardError));
    }

    /// <summary>The executable's file name ("anvil", "redis-server"), for messages.</summary>
    public string Name { get; }

    /// <summary>The executable's file name and its arguments, for messages.</summary>
    public string CommandLine { get; }

    /// <summary>The process id of the child itself (not of its guard).</summary>
    public int ProcessId => _processId.Task.Result;

    /// <summary>The line that made the process ready.</summary>
    public string ReadyLine => _ready.Task.Result;

    /// <summary>Every line the process printed up to and including <see cref="ReadyLine"/> (e.g. anvil's banner).</summary>
    public IReadOnlyList<string> StartupOutput => _output.Head();

    /// <summary>What the process printed: <see cref="StartupOutput"/>, then a bounded tail of the most recent lines.</summary>
    public IReadOnlyList<string> Output => _output.Lines();

    /// <summary>
    /// Starts <paramref name="executable"/> and waits until it prints a line (on stdout or
    /// stderr) that <paramref name="isReady"/> accepts. Throws <see cref="InvalidOperationException"/>
    /// with the command and the process's output when it exits first or is not ready within
    /// <paramref name="timeout"/>; the process is stopped then.
    /// </summary>
    public static async Task<GuardedProcess> StartAsync(
        string executable, IReadOnlyList<string> arguments, Func<string, bool> isReady, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executable);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(isReady);
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
        var commandLine = string.Join(' ', arguments.Prepend(name));
        var guard = Process.Start(info) ?? throw new InvalidOperationException($"bash did not start {commandLine}.");
        var process = new GuardedProcess(guard, name, commandLine, isReady);
        try
        {
            await process.AwaitReadyAsync(timeout, cancellationToken);
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>An error for a process that started but then did not behave, with the command and its output.</summary>
    public InvalidOperationException Failure(string why) =>
        new($"{why}. Command: {CommandLine}{Environment.NewLine}Output:{Environment.NewLine}{string.Join(Environment.NewLine, Output)}");

    /// <summary>
    /// Kills the process outright (SIGKILL: no chance to flush or clean up, as a crash or an
    /// out-of-memory kill would) and waits until it and its guard are gone. For fault drills.
    /// </summary>
    public async Task KillAsync()
    {
        try
        {
            using var child = Process.GetProcessById(ProcessId);
            child.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
        await DisposeAsync();
    }

    /// <summary>Stops the process and waits until it is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        AppDomain.CurrentDomain.ProcessExit -= _onHostExit;
        try
        {
            // Closing the guard's stdin makes it stop the child, reap it and exit.
            _guard.StandardInput.Close();
            await _guard.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException)
        {
            KillNow();
            await _guard.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        await _pumps.WaitAsync(StopTimeout);
        _guard.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"GuardedProcess {{ {CommandLine} }}";

    private async Task AwaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Task.WhenAll(_ready.Task, _processId.Task);
        // Not cancellable: on the deadline, WaitAsync below throws while this simply stays pending.
        var exited = _guard.WaitForExitAsync(CancellationToken.None);
        try
        {
            if (await Task.WhenAny(started, exited).WaitAsync(timeout, cancellationToken) != started)
                throw Failure($"{Name} exited before it was ready");
        }
        catch (TimeoutException)
        {
            throw Failure($"{Name} was not ready within {timeout.TotalSeconds:0.#} s");
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(PidMarker, StringComparison.Ordinal) && int.TryParse(line.AsSpan(PidMarker.Length), out var id))
            {
                _processId.TrySetResult(id);
                continue;
            }
            _output.Add(line);
            if (!_ready.Task.IsCompleted && _isReady(line))
            {
                _output.CompleteHead();
                _ready.TrySetResult(line);
            }
        }
    }

    private void KillNow()
    {
        try
        {
            if (!_guard.HasExited)
                _guard.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
