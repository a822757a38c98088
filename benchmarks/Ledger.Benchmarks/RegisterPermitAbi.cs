using Ledger.Chain.Abi;

namespace Ledger.Benchmarks;

/// <summary>The register function the ABI benchmarks encode, parsed once from its signature.</summary>
internal static class RegisterPermitAbi
{
    /// <summary>
    /// One tuple: key, document hash, permit type, valid from, valid until, destination
    /// country, quantity lines, maximum shipments, previous (replaced) permit, actor reference.
    /// </summary>
    public const string Signature =
        "registerPermit((bytes32,bytes32,uint8,uint40,uint40,bytes2,uint96[],uint16,bytes32,bytes32))";

    /// <summary>The parsed function (selector computed once).</summary>
    public static AbiFunction Function { get; } = AbiFunction.Parse(Signature);
}
