using Ledger.Network.Definition;

namespace Ledger.Network.Tests;

/// <summary>A valid four-founder devnet definition for tests, and variations of it.</summary>
internal static class SampleNetwork
{
    public static NetworkDefinition Definition(string seed = "unit-test-seed") => new()
    {
        Name = "unit-test",
        ChainId = 31_337,
        BlockPeriodSeconds = 1,
        RequestTimeoutSeconds = 4,
        DevnetSeed = seed,
        Authorities =
        [
            Founder("ch", "CH", "CH-FSVO", 5081, ("ch-customs", AgencyKind.Customs, "CH-BAZG")),
            Founder("fr", "FR", "FR-MTES", 5082, ("fr-customs", AgencyKind.Customs, "FR-DGDDI")),
            Founder("de", "DE", "DE-BFN", 5083, ("de-customs", AgencyKind.Customs, "DE-ZOLL")),
            Founder("ke", "KE", "KE-KWS", 5084, ("ke-customs", AgencyKind.Customs, "KE-KRA")),
        ],
    };

    public static AuthorityDefinition Founder(string id, string country, string code, int port, params (string Id, AgencyKind Kind, string Code)[] agencies) => new()
    {
        Id = id,
        Country = country,
        Code = code,
        GatewayPort = port,
        Agencies = agencies.Select(a => new AgencyDefinition { Id = a.Id, Kind = a.Kind, Code = a.Code }).ToArray(),
    };
}
