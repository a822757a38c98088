namespace Ledger.Gateway.Stores;

/// <summary>
/// A shared store (Redis) cannot be reached. Stores raise this instead of the client
/// library's exceptions; the fallback decorators catch it, and a service that still sees it
/// answers UNAVAILABLE (retryable).
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception with a message and the underlying failure.</summary>
    public StoreUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
