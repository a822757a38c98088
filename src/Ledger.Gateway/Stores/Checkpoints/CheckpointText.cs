using System.Globalization;

namespace Ledger.Gateway.Stores;

/// <summary>
/// The stored form of a checkpoint, one line "&lt;block number&gt; &lt;block hash&gt;", shared by
/// the file and Redis stores so both read what the other would write.
/// </summary>
internal static class CheckpointText
{
    public static string Format(BlockCheckpoint checkpoint) =>
        checkpoint.BlockNumber.ToString(CultureInfo.InvariantCulture) + " " + checkpoint.BlockHash + "\n";

    /// <exception cref="InvalidDataException">Not a checkpoint.</exception>
    public static BlockCheckpoint Parse(string text, string source)
    {
        var parts = text.TrimEnd('\n').Split(' ');
        if (parts.Length == 2
            && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            try
            {
                return new BlockCheckpoint(number, parts[1]);
            }
            catch (ArgumentException)
            {
                // Reported below with the source.
            }
        }
        throw new InvalidDataException(
            $"Checkpoint {source} is corrupt (expected '<block number> <0x block hash>'). " +
            "Delete it to make the follower start again from its configured first block.");
    }
}
