namespace Ledger.MicroBenchmarks;

/// <summary>
/// Start-up checks that a benchmark and its baseline compute the same result, so a ratio
/// always compares equal work. A failure stops the benchmark before anything is measured.
/// </summary>
internal static class SetupCheck
{
    public static void SameBytes(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, string what)
    {
        if (!expected.SequenceEqual(actual))
            throw new InvalidOperationException($"{what} differ: expected 0x{Convert.ToHexStringLower(expected)}, got 0x{Convert.ToHexStringLower(actual)}.");
    }

    public static void That(bool condition, string what)
    {
        if (!condition)
            throw new InvalidOperationException($"Start-up check failed: {what}.");
    }
}
