using System.Buffers.Binary;
using Ledger.Chain.Primitives;

namespace Ledger.Chain.Abi;

/// <summary>
/// Turns revert data into a <see cref="RevertReason"/>: <c>Error(string)</c>, <c>Panic(uint256)</c>,
/// one of the custom errors it was given, or unknown. Revert data comes from whatever contract
/// was called, so decoding never throws: data that does not decode becomes an <see cref="UnknownRevert"/>.
/// </summary>
public sealed class RevertDecoder
{
    private readonly Dictionary<uint, List<AbiError>> _errorsBySelector = [];

    /// <summary>A decoder that knows the given custom errors (duplicates by signature are ignored).</summary>
    public RevertDecoder(IEnumerable<AbiError> customErrors)
    {
        ArgumentNullException.ThrowIfNull(customErrors);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in customErrors)
        {
            if (!seen.Add(error.Signature))
                continue;
            var key = Key(error.Selector);
            if (!_errorsBySelector.TryGetValue(key, out var list))
                _errorsBySelector[key] = list = [];
            list.Add(error);
        }
        CustomErrors = _errorsBySelector.Values.SelectMany(list => list).ToArray();
    }

    /// <summary>A decoder that knows the custom errors of all the given contracts.</summary>
    public RevertDecoder(params ContractAbi[] abis)
        : this(abis.SelectMany(abi => abi.Errors))
    {
    }

    /// <summary>A decoder that knows only <c>Error(string)</c> and <c>Panic(uint256)</c>.</summary>
    public static RevertDecoder Standard { get; } = new(Array.Empty<AbiError>());

    /// <summary>The custom errors this decoder recognises.</summary>
    public IReadOnlyList<AbiError> CustomErrors { get; }

    /// <summary>Decodes revert data. Never throws for any data.</summary>
    public RevertReason Decode(ReadOnlySpan<byte> revertData)
    {
        if (revertData.IsEmpty)
            return new EmptyRevert();
        if (revertData.Length < 4)
            return new UnknownRevert(revertData, "it is shorter than a 4-byte error selector");

        var selector = revertData[..4];
        if (selector.SequenceEqual(AbiError.ErrorString.Selector))
        {
            return TryDecode(AbiError.ErrorString, revertData, out var message, out var problem)
                ? new ErrorMessageRevert(revertData, (string)message![0]!)
                : new UnknownRevert(revertData, "it has the Error(string) selector but " + problem);
        }
        if (selector.SequenceEqual(AbiError.Panic.Selector))
        {
            return TryDecode(AbiError.Panic, revertData, out var code, out var problem)
                ? new PanicRevert(revertData, (System.Numerics.BigInteger)code![0]!)
                : new UnknownRevert(revertData, "it has the Panic(uint256) selector but " + problem);
        }
        if (!_errorsBySelector.TryGetValue(Key(selector), out var candidates))
            return new UnknownRevert(revertData, $"no known error has the selector {Hex.Encode(selector)}");

        var problems = new List<string>();
        foreach (var error in candidates)
        {
            if (TryDecode(error, revertData, out var arguments, out var problem))
                return new CustomErrorRevert(revertData, error, arguments!);
            problems.Add($"{error.Signature}: {problem}");
        }
        return new UnknownRevert(revertData, "its selector is that of " + string.Join("; ", problems));
    }

    private static bool TryDecode(AbiError error, ReadOnlySpan<byte> data, out AbiTuple? arguments, out string? problem)
    {
        try
        {
            arguments = error.DecodeRevertData(data);
            problem = null;
            return true;
        }
        catch (AbiDecodingException e)
        {
            arguments = null;
            problem = "the arguments do not decode (" + e.Problem + ")";
            return false;
        }
    }

    private static uint Key(ReadOnlySpan<byte> selector) => BinaryPrimitives.ReadUInt32BigEndian(selector);
}
