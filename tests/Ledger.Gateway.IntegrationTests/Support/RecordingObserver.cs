using Ledger.Api.V1;
using Ledger.Gateway.Follower;

namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>Records what a gateway's follower applies and lets a test await a condition on it.</summary>
/// <param name="delay">How long to take over an event before recording it (a slow observer), honouring the follower's token; none by default.</param>
public sealed class RecordingObserver(Func<PermitEvent, TimeSpan>? delay = null) : IPermitEventObserver
{
    private readonly Lock _lock = new();
    private readonly List<PermitEvent> _events = [];
    private readonly List<(Func<IReadOnlyList<PermitEvent>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    /// <summary>The events so far.</summary>
    public IReadOnlyList<PermitEvent> Events
    {
        get
        {
            lock (_lock)
                return _events.ToList();
        }
    }

    /// <inheritdoc />
    public async ValueTask OnPermitEventAsync(PermitEvent permitEvent, CancellationToken cancellationToken)
    {
        if (delay?.Invoke(permitEvent) is { } wait && wait > TimeSpan.Zero)
            await Task.Delay(wait, cancellationToken);
        lock (_lock)
        {
            _events.Add(permitEvent);
            foreach (var waiter in _waiters.Where(w => w.Condition(_events)).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask OnCheckpointAsync(ulong blockNumber, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Completes once the recorded events satisfy <paramref name="condition"/>; fails after <paramref name="timeout"/>.</summary>
    public Task WaitForAsync(Func<IReadOnlyList<PermitEvent>, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (condition(_events))
                return Task.CompletedTask;
            _waiters.Add((condition, done));
        }
        return done.Task.WaitAsync(timeout);
    }
}
