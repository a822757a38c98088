namespace Ledger.Chain.Abi;

/// <summary>
/// Why a contract call reverted, decoded from its revert data by <see cref="RevertDecoder"/>:
/// <see cref="EmptyRevert"/>, <see cref="ErrorMessageRevert"/>, <see cref="PanicRevert"/>,
/// <see cref="CustomErrorRevert"/> or <see cref="UnknownRevert"/>. <see cref="Message"/> is
/// worded for the person who has to act on it.
/// </summary>
public abstract class RevertReason
{
    private readonly byte[] _data;

    private protected RevertReason(ReadOnlySpan<byte> data)
    {
        _data = data.ToArray();
    }

    /// <summary>The raw revert data.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>A one-line explanation.</summary>
    public abstract string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
