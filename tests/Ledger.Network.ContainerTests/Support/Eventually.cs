using System.Diagnostics;

namespace Ledger.Network.ContainerTests.Support;

/// <summary>Awaits a condition instead of sleeping a fixed time.</summary>
public static class Eventually
{
    /// <summary>Calls <paramref name="probe"/> until it returns a value that satisfies <paramref name="done"/> or <paramref name="within"/> passes; returns the last value and the time taken.</summary>
    public static async Task<(T Value, TimeSpan Elapsed)> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value) || clock.Elapsed >= within)
                return (value, clock.Elapsed);
            await Task.Delay(interval);
        }
    }
}
