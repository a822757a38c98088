using Ledger.Cli.Output;

namespace Ledger.Cli.Tests.Output;

public class KeyValueBlockTests
{
    [Fact]
    public void Values_start_in_one_column_after_the_longest_key()
    {
        var text = new KeyValueBlock().Add("permit", "CH/2026/1").Add("document hash", "0xab").Add("status", "VALID").ToString();

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["permit:        CH/2026/1", "document hash: 0xab", "status:        VALID"], lines);
    }

    [Fact]
    public void Empty_and_null_values_are_left_out()
    {
        var text = new KeyValueBlock().Add("a", "1").Add("absent", null).Add("blank", "").ToString();

        Assert.Equal("a: 1\n", text);
    }

    [Fact]
    public void An_empty_block_prints_nothing() => Assert.Equal("", new KeyValueBlock().ToString());
}
