using Nethereum.Contracts;

namespace Ledger.Contracts.Binding;

/// <summary>
/// A call of one contract function: the Nethereum typed message (generated from the ABI, see
/// Generated/) and its calldata, encoded once. The message itself is not sent: Nethereum writes
/// a gas estimate back into a message, so a reused message would skip estimation next time.
/// </summary>
internal sealed class ContractCall
{
    private ContractCall(string signature, byte[] data)
    {
        Signature = signature;
        Data = data;
    }

    /// <summary>The function's canonical signature, e.g. <c>verify(bytes32)</c>.</summary>
    public string Signature { get; }

    /// <summary>Selector and ABI-encoded arguments.</summary>
    public byte[] Data { get; }

    /// <summary>A call whose calldata was written by hand (<paramref name="data"/>: selector and arguments) for a function of <paramref name="signature"/>.</summary>
    public static ContractCall OfEncoded(string signature, byte[] data) => new(signature, data);

    /// <summary>Encodes <paramref name="message"/>.</summary>
    public static ContractCall Of<TFunction>(TFunction message)
        where TFunction : FunctionMessage, new() =>
        new(ABITypedRegistry.GetFunctionABI<TFunction>().Signature, message.GetCallData());
}
