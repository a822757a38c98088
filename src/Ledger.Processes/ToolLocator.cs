namespace Ledger.Processes;

/// <summary>Finds the repository (for the contract toolchain under contracts/node_modules) and the native tools.</summary>
public static class ToolLocator
{
    /// <summary>Environment variable that overrides the anvil binary.</summary>
    public const string AnvilVariable = "ANVIL";

    /// <summary>
    /// The repository root: the nearest folder above the working directory, then above this
    /// program, that holds contracts/foundry.toml. Throws when there is none.
    /// </summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "contracts", "foundry.toml")))
                    return folder.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find the repository (a folder with contracts/foundry.toml) above the working directory.");
    }

    /// <summary>
    /// The native anvil binary ($ANVIL, else contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil;
    /// never the npm launcher, which hides failures). Throws with the fix when it is missing.
    /// </summary>
    public static string Anvil()
    {
        if (Environment.GetEnvironmentVariable(AnvilVariable) is { Length: > 0 } configured)
            return configured;
        var path = Path.Combine(RepositoryRoot(), "contracts", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"anvil is not installed at {path}: run `cd contracts && npm ci --no-audit --no-fund` (./scripts/devnet.sh does it).");
    }

    /// <summary>redis-server from PATH; throws with the fix when it is missing.</summary>
    public static string RedisServer() =>
        FindRedisServer() ?? throw new InvalidOperationException("redis-server is not on PATH: apt-get install -y redis-server, or start with --no-redis.");

    /// <summary>redis-server from PATH, or null when it is missing (for callers that skip instead of failing).</summary>
    public static string? FindRedisServer() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);
}
