using Ledger.Core.Primitives;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace Ledger.Contracts.Errors;

/// <summary>Turns revert data of the Permit Ledger contracts into typed <see cref="ContractError"/> records.</summary>
public static partial class ContractErrors
{
    // Both contracts' custom errors by selector; errors both raise (e.g. WrongCountry) are the same ABI entry.
    private static readonly Lazy<IReadOnlyDictionary<uint, ErrorABI>> BySelector = new(() =>
        LedgerArtifacts.AuthorityRegistry.Abi.Errors.Concat(LedgerArtifacts.PermitRegistry.Abi.Errors)
            .GroupBy(e => e.Signature, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToDictionary(e => Convert.ToUInt32(e.Sha3Signature[..8], 16)));

    /// <summary>
    /// The custom error the revert data encodes, or null when it is not one of the contracts'
    /// errors (empty data, <c>Error(string)</c>, a panic, an unknown selector, or arguments that do not decode).
    /// </summary>
    public static ContractError? TryDecode(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4 || (revertData.Length - 4) % 32 != 0)
            return null;
        var selector = (uint)(revertData[0] << 24 | revertData[1] << 16 | revertData[2] << 8 | revertData[3]);
        if (!BySelector.Value.TryGetValue(selector, out var error))
            return null;
        try
        {
            var outputs = new ParameterDecoder().DecodeDefaultData(revertData[4..].ToArray(), error.InputParameters);
            var arguments = error.InputParameters.OrderBy(p => p.Order)
                .Select(p => outputs.First(o => o.Parameter.Order == p.Order).Result)
                .ToArray();
            return Map(error.Signature, arguments);
        }
        catch (Exception e) when (e is OverflowException or FormatException or ArgumentException or InvalidCastException or IndexOutOfRangeException)
        {
            // A value the contracts never produce (a count above 64 bits, an unknown enum
            // number, truncated data): the caller keeps the untyped revert rather than a wrong record.
            return null;
        }
    }

    /// <summary>The 4-byte selector of an error signature, as Solidity computes it.</summary>
    internal static uint SelectorOf(string signature) => Convert.ToUInt32(Keccak.HashUtf8(signature).ToHex()[2..10], 16);

    /// <summary>Builds the record for <paramref name="signature"/>; generated into ContractErrorMap.cs.</summary>
    private static partial ContractError? Map(string signature, IReadOnlyList<object?> arguments);
}
