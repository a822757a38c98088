using System.Collections.Frozen;

namespace Ledger.Core.Countries;

/// <summary>
/// The officially assigned ISO 3166-1 alpha-2 codes (249 of them), embedded because the
/// gateway runs with invariant globalization, where <c>RegionInfo</c> knows no countries.
/// Checked against Debian's iso-codes 4.15.0 (<c>iso_3166-1.json</c>) and tzdata's
/// <c>iso3166.tab</c>. Reserved codes (UK, EU, EL, AN, ...), user-assigned codes (AA, QM-QZ,
/// XA-XZ, ZZ — Kosovo's XK among them) and withdrawn codes are deliberately absent.
/// </summary>
internal static class AssignedCountryCodes
{
    public static readonly FrozenSet<string> All = """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
        BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
        DE DJ DK DM DO DZ
        EC EE EG EH ER ES ET
        FI FJ FK FM FO FR
        GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
        HK HM HN HR HT HU
        ID IE IL IM IN IO IQ IR IS IT
        JE JM JO JP
        KE KG KH KI KM KN KP KR KW KY KZ
        LA LB LC LI LK LR LS LT LU LV LY
        MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
        NA NC NE NF NG NI NL NO NP NR NU NZ
        OM
        PA PE PF PG PH PK PL PM PN PR PS PT PW PY
        QA
        RE RO RS RU RW
        SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
        TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
        UA UG UM US UY UZ
        VA VC VE VG VI VN VU
        WF WS
        YE YT
        ZA ZM ZW
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Codes people commonly type that are reserved rather than assigned, with the code
    /// they most likely meant; used only to make the rejection message helpful.
    /// </summary>
    public static readonly FrozenDictionary<string, string> Hints = new Dictionary<string, string>
    {
        ["UK"] = "UK is reserved, not assigned; the United Kingdom's code is GB",
        ["EL"] = "EL is reserved, not assigned; Greece's code is GR",
        ["EU"] = "EU is reserved, not assigned; use the code of the member state that issues the permit",
        ["XK"] = "XK is user-assigned, not an ISO 3166-1 code",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
