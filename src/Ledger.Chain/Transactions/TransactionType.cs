namespace Ledger.Chain.Transactions;

/// <summary>The transaction envelopes this library builds and reads.</summary>
public enum TransactionType
{
    /// <summary>Pre-typed RLP list, signed with an EIP-155 chain id.</summary>
    Legacy = 0,

    /// <summary>EIP-1559 dynamic-fee transaction, envelope byte 0x02.</summary>
    Eip1559 = 2,
}
