namespace Ledger.Chain.Abi;

/// <summary>
/// Builds the human-readable location of a value inside nested arguments, such as
/// <c>lines[2].amount</c>, from the inside out as an error travels up the recursion.
/// </summary>
internal static class AbiPath
{
    /// <summary>The path segment of a tuple component: its name, or <c>#i</c> when unnamed.</summary>
    public static string Component(string name, int index) => name.Length > 0 ? name : "#" + index;

    /// <summary>The path segment of an array element.</summary>
    public static string Element(int index) => "[" + index + "]";

    /// <summary>Prefixes <paramref name="inner"/> with <paramref name="segment"/>.</summary>
    public static string Prepend(string segment, string inner)
    {
        if (inner.Length == 0)
            return segment;
        return inner[0] == '[' ? segment + inner : segment + "." + inner;
    }
}
