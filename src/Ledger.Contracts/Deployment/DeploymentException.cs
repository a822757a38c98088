namespace Ledger.Contracts.Deployment;

/// <summary>
/// A deployment did not produce what it should (no contract address, code that differs from
/// the artifact), or a deployment record cannot be used: malformed, or from contracts with
/// another ABI version than the embedded artifacts.
/// </summary>
public sealed class DeploymentException : Exception
{
    /// <summary>Creates the exception with a message saying what is wrong and what to do.</summary>
    public DeploymentException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
