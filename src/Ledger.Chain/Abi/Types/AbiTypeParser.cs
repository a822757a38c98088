namespace Ledger.Chain.Abi;

/// <summary>
/// Recursive-descent parser for canonical type strings (<c>uint256</c>, <c>(address,bool)[2][]</c>),
/// signatures (<c>transfer(address,uint256)</c>, optionally followed by an output list) and the
/// <c>type</c>/<c>components</c> pairs of a JSON ABI. Errors say what was expected and where.
/// </summary>
internal sealed class AbiTypeParser
{
    private readonly string _text;
    private int _position;
    private int _tupleDepth;

    private AbiTypeParser(string text)
    {
        _text = text;
    }

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    /// <summary>Parses a whole type string.</summary>
    public static AbiType Parse(string text)
    {
        var parser = Create(text, "type");
        var type = parser.ParseType();
        parser.ExpectEnd();
        return type;
    }

    /// <summary>Parses <c>name(T1,...)</c> or <c>name(T1,...)(R1,...)</c>.</summary>
    public static (string Name, AbiTupleType Inputs, AbiTupleType? Outputs) ParseSignature(string text)
    {
        var parser = Create(text, "signature");
        var name = parser.ParseIdentifier();
        if (parser.Current != '(')
            throw parser.Error("expected '(' after the name");
        var inputs = parser.ParseTuple();
        var outputs = parser.Current == '(' ? parser.ParseTuple() : null;
        parser.ExpectEnd();
        return (name, inputs, outputs);
    }

    /// <summary>
    /// Builds the type of a JSON ABI parameter: <c>tuple</c>, <c>tuple[]</c>, <c>tuple[2][]</c>
    /// take their components; every other type string is parsed as is and has none.
    /// </summary>
    public static AbiType ParseJson(string type, IReadOnlyList<AbiParameter>? components)
    {
        var parser = Create(type, "type");
        if (!type.StartsWith("tuple", StringComparison.Ordinal) || type.StartsWith("tuple(", StringComparison.Ordinal))
        {
            if (components is { Count: > 0 })
                throw parser.Error("only \"tuple\" types have components");
            return Parse(type);
        }
        if (components is null)
            throw parser.Error("a tuple type needs \"components\"");
        parser._position = "tuple".Length;
        AbiType result = parser.Wrap(() => new AbiTupleType(components));
        result = parser.ParseArraySuffixes(result);
        parser.ExpectEnd();
        return result;
    }

    private static AbiTypeParser Create(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > AbiLimits.MaxTypeTextLength)
            throw new FormatException($"ABI {what} is {text.Length} characters long; at most {AbiLimits.MaxTypeTextLength} are accepted.");
        if (text.Length == 0)
            throw new FormatException($"ABI {what} is empty.");
        return new AbiTypeParser(text);
    }

    private AbiType ParseType()
    {
        AbiType type;
        if (Current == '(')
            type = ParseTuple();
        else if (string.CompareOrdinal(_text, _position, "tuple(", 0, 6) == 0)
        {
            // "tuple(...)" is how some tools spell an anonymous tuple; the canonical form drops the word.
            _position += "tuple".Length;
            type = ParseTuple();
        }
        else
            type = ParseElementary();
        return ParseArraySuffixes(type);
    }

    private AbiTupleType ParseTuple()
    {
        var start = _position;
        if (++_tupleDepth > AbiLimits.MaxTypeDepth)
            throw Error($"tuples nest more than {AbiLimits.MaxTypeDepth} levels deep");
        _position++; // '('
        var components = new List<AbiParameter>();
        if (Current == ')')
        {
            _position++;
        }
        else
        {
            while (true)
            {
                components.Add(AbiParameter.Unnamed(ParseType()));
                if (Current == ',')
                {
                    _position++;
                    continue;
                }
                if (Current == ')')
                {
                    _position++;
                    break;
                }
                throw Error(_position >= _text.Length ? $"the tuple opened at position {start} is not closed" : "expected ',' or ')'");
            }
        }
        _tupleDepth--;
        return Wrap(() => new AbiTupleType(components));
    }

    private AbiType ParseArraySuffixes(AbiType type)
    {
        while (Current == '[')
        {
            _position++;
            var digitsStart = _position;
            while (char.IsAsciiDigit(Current))
                _position++;
            var digits = _text.AsSpan(digitsStart, _position - digitsStart);
            if (Current != ']')
                throw Error("expected digits and ']' in an array suffix");
            _position++;
            int? length = null;
            if (digits.Length > 0)
            {
                if (digits.Length > 1 && digits[0] == '0')
                    throw Error("an array length may not have leading zeros");
                if (digits.Length > 9 || int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) > AbiLimits.MaxFixedArrayLength)
                    throw Error($"array length {digits} is above the limit of {AbiLimits.MaxFixedArrayLength}");
                length = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
            }
            var element = type;
            type = Wrap(() => new AbiArrayType(element, length));
        }
        return type;
    }

    private AbiType ParseElementary()
    {
        var start = _position;
        while (char.IsAsciiLetterLower(Current))
            _position++;
        var word = _text[start.._position];
        var digitsStart = _position;
        while (char.IsAsciiDigit(Current))
            _position++;
        var digits = _text.AsSpan(digitsStart, _position - digitsStart);
        if (digits.Length > 1 && digits[0] == '0')
            throw Error($"'{word}{digits}' has a leading zero in its size", start);
        int? size = digits.Length is > 0 and <= 3 ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : null;
        if (digits.Length > 3)
            throw Error($"'{word}{digits}' has an impossible size", start);

        switch (word)
        {
            case "uint" or "int":
                var bits = size ?? 256;
                if (!AbiIntegerType.IsValidWidth(bits))
                    throw Error($"'{word}{bits}' is not an integer type: the width must be a multiple of 8 from 8 to 256", start);
                return word == "uint" ? AbiIntegerType.UInt(bits) : AbiIntegerType.Int(bits);
            case "bytes" when size is null:
                return AbiBytesType.Instance;
            case "bytes":
                if (size is < 1 or > 32)
                    throw Error($"'bytes{size}' is not a type: bytesN takes N from 1 to 32", start);
                return AbiFixedBytesType.Of(size!.Value);
            case "address" when size is null:
                return AbiAddressType.Instance;
            case "bool" when size is null:
                return AbiBoolType.Instance;
            case "string" when size is null:
                return AbiStringType.Instance;
            case "fixed" or "ufixed":
                throw Error("fixed-point types are not supported (Solidity cannot use them either)", start);
            case "function" when size is null:
                throw Error("the 'function' type is not supported", start);
            case "tuple" when size is null:
                throw Error("'tuple' needs its components, e.g. (uint256,address)", start);
            case "":
                throw Error(_position >= _text.Length ? "expected a type but the text ended" : $"expected a type but found '{Current}'", start);
            default:
                throw Error($"unknown type '{AbiValueText.Shorten(word + digits.ToString(), 40)}'", start);
        }
    }

    private string ParseIdentifier()
    {
        var start = _position;
        while (char.IsAsciiLetterOrDigit(Current) || Current is '_' or '$')
            _position++;
        if (_position == start)
            throw Error("expected a name");
        if (char.IsAsciiDigit(_text[start]))
            throw Error("a name may not start with a digit", start);
        return _text[start.._position];
    }

    private void ExpectEnd()
    {
        if (_position < _text.Length)
            throw Error($"unexpected '{Current}'");
    }

    private T Wrap<T>(Func<T> construct)
    {
        try
        {
            return construct();
        }
        catch (ArgumentException e)
        {
            throw Error(e.Message.TrimEnd('.'));
        }
    }

    private FormatException Error(string problem, int? position = null) =>
        new($"Invalid ABI type '{AbiValueText.Shorten(_text, 200)}': {problem} (at position {position ?? _position}).");
}
