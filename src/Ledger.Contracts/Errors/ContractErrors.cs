using Ledger.Chain.Abi;

namespace Ledger.Contracts.Errors;

/// <summary>Turns revert data of the Permit Ledger contracts into typed <see cref="ContractError"/> records.</summary>
public static partial class ContractErrors
{
    /// <summary>
    /// The custom error the revert data encodes, or null when it is not one of the contracts'
    /// errors (empty data, <c>Error(string)</c>, a panic, or an unknown selector).
    /// </summary>
    public static ContractError? TryDecode(ReadOnlySpan<byte> revertData) =>
        LedgerArtifacts.RevertDecoder.Decode(revertData) is CustomErrorRevert revert ? TryMap(revert) : null;

    /// <summary>The typed record for an error the ABI decoder recognised; null for an error these bindings do not know.</summary>
    public static ContractError? TryMap(CustomErrorRevert revert)
    {
        ArgumentNullException.ThrowIfNull(revert);
        try
        {
            return Map(revert.Error.Signature, revert.Arguments);
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            // A value the contracts never produce (a count above 64 bits, an unknown enum
            // number): the caller keeps the untyped revert rather than a wrong record.
            return null;
        }
    }

    /// <summary>Builds the record for <paramref name="signature"/>; generated into ContractErrors.g.cs.</summary>
    private static partial ContractError? Map(string signature, AbiTuple arguments);
}
