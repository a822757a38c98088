using Ledger.Processes;

namespace Ledger.Testing;

/// <summary>
/// Whether the server binaries that some tests start (redis-server, PostgreSQL) are installed
/// here, where they are, and why the tests skip when they are not. Tests probe once; the
/// harnesses that start the servers use the same answer, so a test never starts a server that
/// its skip rule said was there.
/// </summary>
public static class InstalledServers
{
    /// <summary>Why Redis tests are skipped on a machine without redis-server.</summary>
    public const string RedisMissingReason = "redis-server is not on PATH (apt-get install -y redis-server; CI installs it)";

    /// <summary>Why PostgreSQL tests are skipped on a machine without the server binaries.</summary>
    public const string PostgresMissingReason =
        "PostgreSQL server binaries are not installed (apt-get install -y postgresql; scripts/test.sh installs it)";

    private static readonly Lazy<string?> RedisPath = new(ToolLocator.FindRedisServer);
    private static readonly Lazy<string?> PostgresBin = new(FindPostgresBinDirectory);

    /// <summary>The redis-server on PATH, or null.</summary>
    public static string? RedisServer => RedisPath.Value;

    /// <summary>True when redis-server can be started here.</summary>
    public static bool HasRedis => RedisServer is not null;

    /// <summary>The folder of the newest installed PostgreSQL's initdb and postgres, or null.</summary>
    public static string? PostgresBinDirectory => PostgresBin.Value;

    /// <summary>
    /// True as root (PostgreSQL refuses to run as root, so the harness runs it as the Debian
    /// package's "postgres" user).
    /// </summary>
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>True when initdb and postgres can be run here (as root: only with a "postgres" user).</summary>
    public static bool HasPostgres => PostgresBinDirectory is not null && (!IsRoot || OsUserExists("postgres"));

    private static string? FindPostgresBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
            return null;
        return Directory.GetDirectories(root)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
            .FirstOrDefault();
    }

    private static bool OsUserExists(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));
}
