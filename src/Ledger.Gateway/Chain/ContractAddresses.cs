using Ledger.Core.Primitives;
using Ledger.Contracts.Deployment;

namespace Ledger.Gateway.Chain;

/// <summary>Where the two contracts live, from explicit addresses or a deployment record file.</summary>
/// <param name="PermitRegistry">The PermitRegistry contract.</param>
/// <param name="AuthorityRegistry">The AuthorityRegistry contract.</param>
/// <param name="DeploymentBlock">The earliest block holding a deployment, from the record (0 when addresses are given).</param>
public sealed record ContractAddresses(Address PermitRegistry, Address AuthorityRegistry, ulong DeploymentBlock = 0)
{
    /// <summary>Longest deployment record read, in bytes; a real one is well under 4 KiB.</summary>
    public const int MaxRecordBytes = 64 * 1024;

    /// <summary>
    /// Resolves the addresses: explicit <see cref="GatewayChainOptions.PermitRegistry"/> and
    /// <see cref="GatewayChainOptions.AuthorityRegistry"/> win; otherwise they come from the
    /// deployment record (<see cref="DeploymentRecord"/>, whose ABI versions must match this build).
    /// </summary>
    /// <exception cref="InvalidOperationException">An address is missing or malformed, or the record cannot be read; the message names the setting.</exception>
    public static ContractAddresses Resolve(GatewayChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DeploymentRecord? record = null;
        if (!string.IsNullOrWhiteSpace(options.DeploymentRecordFile))
        {
            try
            {
                // Read once at startup, synchronously: the host cannot serve before it knows the contracts.
                var info = new FileInfo(options.DeploymentRecordFile);
                if (info.Exists && info.Length > MaxRecordBytes)
                    throw new DeploymentException($"it is {info.Length} bytes; a deployment record is far smaller");
                record = DeploymentRecord.Parse(File.ReadAllText(options.DeploymentRecordFile));
            }
            catch (Exception e) when (e is DeploymentException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"Chain:DeploymentRecordFile '{options.DeploymentRecordFile}' cannot be used: {e.Message}", e);
            }
        }
        return new ContractAddresses(
            Pick(options.PermitRegistry, record?.PermitRegistry.Address, "Chain:PermitRegistry"),
            Pick(options.AuthorityRegistry, record?.AuthorityRegistry.Address, "Chain:AuthorityRegistry"),
            record is null ? 0 : Math.Min(record.PermitRegistry.BlockNumber, record.AuthorityRegistry.BlockNumber));
    }

    private static Address Pick(string? configured, Address? recorded, string key)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return recorded ?? throw new InvalidOperationException($"{key} is not set and no Chain:DeploymentRecordFile names it.");
        return Address.TryParse(configured.Trim(), out var address, out var error)
            ? address
            : throw new InvalidOperationException($"{key} is not an address: {error}");
    }
}
