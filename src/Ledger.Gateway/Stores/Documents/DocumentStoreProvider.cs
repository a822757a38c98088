namespace Ledger.Gateway.Stores.Documents;

/// <summary>Which database keeps the permit documents.</summary>
public enum DocumentStoreProvider
{
    /// <summary>No document store: the gateway anchors hashes only (the default until document exchange is wired).</summary>
    None = 0,

    /// <summary>An embedded SQLite file in the gateway's state directory.</summary>
    Sqlite = 1,

    /// <summary>A PostgreSQL database (production).</summary>
    PostgreSql = 2,
}
