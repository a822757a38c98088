namespace Ledger.Gateway.Stores;

/// <summary>
/// An in-memory store is full of live records. Refusing is safer than forgetting a record
/// that makes a retry idempotent; a service answers RESOURCE_EXHAUSTED (retry later).
/// </summary>
public sealed class StoreCapacityExceededException : Exception
{
    /// <summary>Creates the exception with a message saying which store and its capacity.</summary>
    public StoreCapacityExceededException(string message) : base(message)
    {
    }
}
