using System.Security.Cryptography;
using Ledger.Core.Primitives;
using Ledger.Contracts.Permits;

namespace Ledger.Contracts.Tests.Devnet;

/// <summary>Fresh keys and permits for tests that share a devnet.</summary>
public static class TestData
{
    /// <summary>A random non-zero 32-byte value: permit keys, document hashes, references.</summary>
    public static Bytes32 RandomHash() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>A random address that is no authority and has no key here.</summary>
    public static Address RandomAddress() => new(RandomNumberGenerator.GetBytes(20));

    /// <summary>
    /// A one-shipment CITES export permit valid from an hour before <paramref name="now"/> for 30
    /// days, with the given lines (default one line of 10) and destination (default FR).
    /// </summary>
    public static PermitInput Permit(ulong now, UInt128[]? lines = null, CountryBytes? destination = null, ushort maxShipments = 1,
        PermitType type = PermitType.CitesExport) =>
        new(RandomHash(), RandomHash(), type, now - 3600, now + 30 * 86400, destination ?? LedgerNet.FR, maxShipments, Bytes32.Zero, RandomHash(),
            lines ?? [10]);
}
