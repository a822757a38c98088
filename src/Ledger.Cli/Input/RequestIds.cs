using Ledger.Cli.Connection;

namespace Ledger.Cli.Input;

/// <summary>
/// The idempotency key of a write: a fresh one per invocation, or the user's, so that a
/// retry after a timeout returns the first result instead of writing twice.
/// </summary>
public static class RequestIds
{
    /// <summary>The given ID when one is given (checked against the gateway's rule), else a new one.</summary>
    public static string Choose(string? given)
    {
        if (string.IsNullOrEmpty(given))
            return Guid.NewGuid().ToString("N");
        if (given.Length is < 8 or > 64 || !given.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
            throw new CliInputException("--request-id must be 8..64 characters from A-Z a-z 0-9 . _ : -");
        return given;
    }

    /// <summary>The ID of item <paramref name="index"/> of a multi-call command that was given one ID.</summary>
    public static string Derive(string requestId, int index) =>
        requestId.Length <= 56 ? $"{requestId}-{index:D6}" : $"{requestId[..56]}-{index:D6}";
}
