namespace Ledger.Chain.Abi;

/// <summary>
/// A named, typed slot: a function input or output, an event or error parameter, or a tuple
/// component. Names are for people (messages, decoded values by name); they never affect the encoding.
/// </summary>
/// <param name="Name">The parameter name; may be empty.</param>
/// <param name="Type">Its ABI type.</param>
/// <param name="Indexed">For event parameters: stored in a topic rather than in the data.</param>
/// <param name="InternalType">The Solidity type the compiler reported (e.g. <c>struct Registry.Line[]</c>, <c>enum Status</c>), when known.</param>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false, string? InternalType = null)
{
    /// <summary>Creates an unnamed parameter of <paramref name="type"/>.</summary>
    public static AbiParameter Unnamed(AbiType type) => new("", type);

    /// <summary>Solidity-like form: <c>uint256 indexed amount</c>.</summary>
    public override string ToString() =>
        string.Join(' ', new[] { Type.CanonicalName, Indexed ? "indexed" : "", Name }.Where(part => part.Length > 0));
}
