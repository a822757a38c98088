using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;

namespace Ledger.Gateway.IntegrationTests.Fuzz;

/// <summary>
/// Values for generated requests, all drawn from one seeded <see cref="Random"/>: mostly the
/// kind a field expects (permit IDs, addresses, amounts), often at or past its limits, and
/// sometimes anything at all. The same seed gives the same values.
/// </summary>
public sealed class FuzzValues(int seed, FuzzTargets targets)
{
    private static readonly string[] Amounts =
    [
        "0", "1", "7", "-1", "+1", " 5 ", "1.5", "1e3", "0x10", "", "abc", "00000000000000000000001",
        "4294967295", "4294967296", "18446744073709551615", "18446744073709551616",
        "79228162514264337593543950335", "79228162514264337593543950336", new string('9', 200),
    ];

    private static readonly string[] Countries = ["CH", "FR", "NO", "ch", "DE", "XX", "", "C", "CHE", "1A", "ÇH"];

    private static readonly string[] Hashes =
    [
        "", "0x", "0x" + new string('a', 64), new string('b', 64), "0x" + new string('c', 63), "0x" + new string('g', 64),
        "0X" + new string('D', 64), "0x" + new string('0', 128),
    ];

    private static readonly string[] Oddities =
    [
        "\0", "\u202e", "😀", "   ", "\t\n", "../../etc/passwd", "' OR 1=1 --", "<script>", "%00", "CH/2026/\u00e9",
        "\ufffd", "\u0000CH/2026/1",
    ];

    private readonly Random _random = new(seed);

    /// <summary>The seed the values come from.</summary>
    public int Seed { get; } = seed;

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public int Next(int min, int max) => _random.Next(min, max);

    /// <summary>One of <paramref name="items"/>.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A string for a field named <paramref name="name"/>.</summary>
    public string Text(string name)
    {
        if (Chance(0.03))
            return new string('A', Pick([65, 1_000, 70_000]));
        if (Chance(0.08))
            return Pick(Oddities);
        return name switch
        {
            "permit_id" or "previous_permit_id" => Chance(0.5) ? Pick(targets.PermitIds) : PermitId(),
            "request_id" => RequestId(),
            "address" or "calling_authority" => Chance(0.7) ? Pick(targets.Addresses) : Pick(["", "0x", "0x1234", "0x" + new string('f', 40), "f39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x" + new string('z', 40)]),
            "country" or "destination_country" => Pick(Countries),
            "amount" => Pick(Amounts),
            "document_hash" => Pick(Hashes),
            "shipment_reference" => Pick(["AWB-1", "AWB-" + Next(0, 50), "", " ", new string('R', 64), new string('R', 65), "ÄWB"]),
            "code" => Pick(["BAFU", "", new string('C', 32), new string('C', 33), "ÇODE"]),
            "page_token" => Pick(["", "0", "1", "-1", "999999999999", "abc", "MTA="]),
            _ => Pick(["", "x", "CH/2026/000001"]),
        };
    }

    /// <summary>A permit ID: valid shapes of several countries, and broken ones.</summary>
    public string PermitId() => Pick(["CH", "FR", "NO", "ch", "ZZ", ""]) + Pick(["/2026/", "/", "-", "//"]) +
        Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>A request ID: mostly fresh and valid, sometimes reused or malformed.</summary>
    public string RequestId() => Next(0, 10) switch
    {
        0 => "",
        1 => "short",
        2 => "has spaces in it",
        3 => new string('r', 65),
        4 => targets.ReusedRequestId,
        _ => "fuzz-" + Next(0, int.MaxValue).ToString("x8", CultureInfo.InvariantCulture) + Next(0, int.MaxValue).ToString("x8", CultureInfo.InvariantCulture),
    };

    /// <summary>A uint64: boundaries and small numbers.</summary>
    public ulong UInt64() => Pick([0UL, 1UL, 2UL, 3UL, 100UL, uint.MaxValue, (ulong)long.MaxValue, ulong.MaxValue, (ulong)Next(0, 1000)]);

    /// <summary>A uint32: boundaries and small numbers.</summary>
    public uint UInt32() => Pick([0u, 1u, 2u, 16u, 17u, 100u, 500u, 501u, 65_535u, 65_536u, uint.MaxValue]);

    /// <summary>An enum number: defined values, and numbers no enum defines (proto3 enums are open).</summary>
    public int EnumNumber(IReadOnlyList<int> defined) => Chance(0.7) ? Pick(defined) : Pick([-1, 8, 99, 254, 255, 256, int.MaxValue, int.MinValue]);

    /// <summary>How many elements a repeated field gets: usually a few, sometimes far too many.</summary>
    public int Count() => Chance(0.05) ? Pick([17, 101, 1_000]) : Next(0, 4);

    /// <summary>Bytes: empty, small, and rarely just over the 4 MiB document limit.</summary>
    public byte[] Bytes()
    {
        if (Chance(0.01))
            return new byte[4 * 1024 * 1024 + 1];
        var bytes = new byte[Pick([0, 1, 32, 256])];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A timestamp: sensible ones, fractions, and values outside what a Timestamp may hold.</summary>
    public Timestamp Timestamp()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Timestamp
        {
            Seconds = Pick([now, now - 3_600, now + 86_400 * 30, 0L, -1L, long.MaxValue, long.MinValue, 253_402_300_800L]),
            Nanos = Pick([0, 0, 0, 1, 99, 999_999_999, 1_000_000_000, -1]),
        };
    }

    /// <summary>
    /// Bytes of the same length as <paramref name="marker"/>'s UTF-8 that are not valid UTF-8
    /// (a lone surrogate, a stray byte, an overlong form, a truncated or out-of-range sequence).
    /// </summary>
    public byte[] InvalidUtf8(string marker)
    {
        var bytes = Encoding.UTF8.GetBytes(marker);
        byte[] bad = Pick<byte[]>([[0xED, 0xA0, 0x80], [0xFF], [0xC0, 0xAF], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80]]);
        var at = bad.Length == 2 && bad[0] == 0xE2 ? bytes.Length - 2 : Next(0, bytes.Length - bad.Length + 1);
        bad.CopyTo(bytes, at);
        return bytes;
    }
}
