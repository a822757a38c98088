using System.Diagnostics.CodeAnalysis;
using Ledger.Gateway.Identity;

namespace Ledger.Gateway.Stores;

/// <summary>
/// Identifies one client write: the calling authority and its request ID. Request IDs are
/// 8..64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-' (a UUID or ULID fits), so they
/// are safe in store keys and logs.
/// </summary>
public readonly record struct IdempotencyKey
{
    /// <summary>Shortest request ID.</summary>
    public const int MinRequestIdLength = 8;

    /// <summary>Longest request ID.</summary>
    public const int MaxRequestIdLength = 64;

    private IdempotencyKey(string authority, string requestId)
    {
        Authority = authority;
        RequestId = requestId;
    }

    /// <summary>The calling authority's account address, "0x" + 40 lower-case hex digits.</summary>
    public string Authority { get; }

    /// <summary>The client's request ID.</summary>
    public string RequestId { get; }

    /// <summary>Creates a key, or explains in <paramref name="error"/> what is wrong with the request ID.</summary>
    public static bool TryCreate(string authority, string? requestId, out IdempotencyKey key, [NotNullWhen(false)] out string? error)
    {
        key = default;
        if (!AuthorityAddressText.TryNormalise(authority, out var address))
        {
            error = "The authority is not an account address (0x + 40 hex digits).";
            return false;
        }
        if (string.IsNullOrEmpty(requestId))
        {
            error = "request_id is required: choose a unique ID per write (e.g. a UUID) and reuse it only to retry that write.";
            return false;
        }
        if (requestId.Length is < MinRequestIdLength or > MaxRequestIdLength)
        {
            error = $"request_id must be {MinRequestIdLength} to {MaxRequestIdLength} characters long, not {requestId.Length}.";
            return false;
        }
        foreach (var c in requestId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
            {
                error = "request_id may only contain A-Z, a-z, 0-9, '.', '_', ':' and '-'.";
                return false;
            }
        }
        key = new IdempotencyKey(address, requestId);
        error = null;
        return true;
    }

    /// <summary>Creates a key.</summary>
    /// <exception cref="ArgumentException">The authority or request ID is malformed; the message says how.</exception>
    public static IdempotencyKey Create(string authority, string? requestId) =>
        TryCreate(authority, requestId, out var key, out var error) ? key : throw new ArgumentException(error, nameof(requestId));

    /// <inheritdoc />
    public override string ToString() => Authority + "/" + RequestId;
}
