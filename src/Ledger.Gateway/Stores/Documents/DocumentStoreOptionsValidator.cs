using Ledger.Core.Documents;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Stores.Documents;

/// <summary>Checks the <c>Documents</c> section at startup. Messages name settings and key ids, never their secret values.</summary>
public sealed class DocumentStoreOptionsValidator : IValidateOptions<DocumentStoreOptions>
{
    /// <summary>Smallest size bound accepted: a permit document is never smaller.</summary>
    public const int MinimumMaxDocumentBytes = 1024;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DocumentStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == DocumentStoreProvider.None)
            return ValidateOptionsResult.Success;
        var problems = new List<string>();
        if (!Enum.IsDefined(options.Provider))
            problems.Add($"Documents:Provider {options.Provider} is not one of None, Sqlite, PostgreSql.");
        if (options.Provider == DocumentStoreProvider.Sqlite && string.IsNullOrWhiteSpace(options.SqlitePath))
            problems.Add("Documents:SqlitePath is empty: name the SQLite file in the gateway's state directory.");
        if (options.Provider == DocumentStoreProvider.PostgreSql && string.IsNullOrWhiteSpace(options.PostgreSqlConnectionString))
            problems.Add("Documents:PostgreSqlConnectionString is empty: give the Npgsql connection string (from a secret).");
        if (options.RetentionYearsAfterExpiry is < DocumentStoreOptions.MinimumRetentionYears or > 100)
            problems.Add($"Documents:RetentionYearsAfterExpiry {options.RetentionYearsAfterExpiry} must be between "
                + $"{DocumentStoreOptions.MinimumRetentionYears} (the CITES audit retention) and 100.");
        if (options.MaxDocumentBytes is < MinimumMaxDocumentBytes or > DocumentHash.MaxDocumentBytes)
            problems.Add($"Documents:MaxDocumentBytes {options.MaxDocumentBytes} must be between {MinimumMaxDocumentBytes} "
                + $"and {DocumentHash.MaxDocumentBytes} (the largest document the ledger anchors).");
        if (!DocumentKeyRing.TryCreate(options, out _, out var keyProblems))
            problems.AddRange(keyProblems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
