namespace Ledger.Testing;

/// <summary>
/// Where the repository and the Foundry binaries (installed by npm from
/// contracts/package-lock.json) live. Tests call the native binaries: the npm launchers
/// always exit 0, which would hide failures.
/// </summary>
public static class ToolPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository root (the folder holding Ledger.sln).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The Foundry project folder.</summary>
    public static string ContractsDir => Path.Combine(RepositoryRoot, "contracts");

    /// <summary>Native anvil binary.</summary>
    public static string Anvil => Binary("anvil");

    /// <summary>Native cast binary.</summary>
    public static string Cast => Binary("cast");

    /// <summary>Native forge binary.</summary>
    public static string Forge => Binary("forge");

    private static string Binary(string tool)
    {
        var path = Path.Combine(ContractsDir, "node_modules", "@foundry-rs", $"{tool}-linux-amd64", "bin", tool);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"{tool} is not installed. Run ./scripts/test.sh once (it runs npm ci in contracts/).", path);
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ledger.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("Ledger.sln not found above " + AppContext.BaseDirectory);
    }
}
