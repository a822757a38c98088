using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Abi;

/// <summary>
/// Text forms of values for messages and logs: <c>(1, 0xAbC…, true, "text", 0x0102, [1, 2])</c>.
/// Long values are shortened so an error message stays readable.
/// </summary>
public static class AbiValueText
{
    private const int MaxLength = 600;

    /// <summary>
    /// Formats a value: integers in decimal, addresses with their checksum, bytes as hex, strings
    /// quoted, tuples in parentheses, arrays in brackets, hashed topics as <c>hash(0x…)</c>.
    /// The result is cut at a few hundred characters.
    /// </summary>
    public static string Format(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return Shorten(builder.ToString(), MaxLength);
    }

    /// <summary>The kind of a .NET value, for "expected X, got Y" messages (never the value itself).</summary>
    internal static string DescribeKind(object? value) => value switch
    {
        null => "null",
        string => "a string",
        byte[] bytes => $"a byte[] of {bytes.Length} bytes",
        _ => "a " + value.GetType().Name,
    };

    internal static string Shorten(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), "…");

    private static void Append(StringBuilder builder, object? value)
    {
        if (builder.Length > MaxLength)
            return;
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                AppendQuoted(builder, text);
                break;
            case byte[] bytes:
                builder.Append(Hex.Encode(bytes));
                break;
            case ReadOnlyMemory<byte> memory:
                builder.Append(Hex.Encode(memory.Span));
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case BigInteger integer:
                builder.Append(integer.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case AbiTuple tuple:
                AppendSequence(builder, '(', tuple, ')');
                break;
            case ITuple tuple:
                AppendSequence(builder, '(', Enumerable.Range(0, tuple.Length).Select(i => tuple[i]), ')');
                break;
            case IEnumerable sequence:
                AppendSequence(builder, '[', sequence, ']');
                break;
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                builder.Append(value);
                break;
        }
    }

    private static void AppendSequence(StringBuilder builder, char open, IEnumerable items, char close)
    {
        builder.Append(open);
        var first = true;
        foreach (var item in items)
        {
            if (!first)
                builder.Append(", ");
            first = false;
            Append(builder, item);
            if (builder.Length > MaxLength)
                break;
        }
        builder.Append(close);
    }

    private static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
    }
}
