using Ledger.Core.Permits;
using Ledger.Core.Registration;

namespace Ledger.Core.Tests.Registration;

/// <summary>A draft that passes every rule at <see cref="Now"/>; tests change one thing at a time.</summary>
internal static class Drafts
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly byte[] Document = "<permit><no>CH/2026/000123</no></permit>"u8.ToArray();

    public static PermitDraft CitesExport() => new()
    {
        PermitId = " ch/2026/000123 ",
        Type = PermitType.CitesExport,
        ValidFrom = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
        ValidUntil = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero),
        Destination = "de",
        Lines = [5, 12],
        MaxShipments = 1,
        Document = Document,
    };
}
