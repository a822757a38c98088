namespace Ledger.Chain.Logs;

/// <summary>What to do with a log whose topic 0 is no event of the ABI used to decode it.</summary>
public enum UnknownEventHandling
{
    /// <summary>Leave it out: the filter may match other contracts' or unrelated events.</summary>
    Skip,

    /// <summary>Throw <see cref="Abi.AbiDecodingException"/>: every log is expected to be one of the ABI's events.</summary>
    Throw,
}
