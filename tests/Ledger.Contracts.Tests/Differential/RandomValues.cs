using Ledger.Testing;
using System.Globalization;
using Ledger.Core.Primitives;
using Ledger.Contracts.Permits;

namespace Ledger.Contracts.Tests.Differential;

/// <summary>
/// Seeded random values for the bindings' types, each with the text cast takes for it, with
/// edge values (zero, maximum) drawn often enough to matter.
/// </summary>
public sealed class RandomValues(int seed)
{
    private static readonly UInt128 MaxUInt96 = (UInt128.One << 96) - 1;
    private const ulong MaxUInt40 = (1UL << 40) - 1;

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public (Bytes32 Value, string Cast) Hash()
    {
        var bytes = new byte[32];
        if (_random.Next(8) != 0)
            _random.NextBytes(bytes);
        return (new Bytes32(bytes), HexText.Of(bytes));
    }

    public (Address Value, string Cast) Address()
    {
        var bytes = new byte[20];
        if (_random.Next(10) != 0)
            _random.NextBytes(bytes);
        var address = new Address(bytes);
        return (address, address.ToString());
    }

    public (CountryBytes Value, string Cast) Country()
    {
        var country = _random.Next(4) switch
        {
            0 => CountryBytes.None,
            1 => new CountryBytes((ushort)_random.Next(0x10000)),
            _ => CountryBytes.FromCode(new string([(char)('A' + _random.Next(26)), (char)('A' + _random.Next(26))])),
        };
        return (country, HexText.Of(country.ToBytes()));
    }

    public (byte Value, string Cast) Byte()
    {
        var value = (byte)_random.Next(256);
        return (value, Decimal(value));
    }

    public (ushort Value, string Cast) UInt16()
    {
        var value = _random.Next(3) == 0 ? ushort.MaxValue : (ushort)_random.Next(0x10000);
        return (value, Decimal(value));
    }

    public (uint Value, string Cast) UInt32()
    {
        var value = _random.Next(3) == 0 ? uint.MaxValue : (uint)_random.NextInt64(uint.MaxValue + 1L);
        return (value, Decimal(value));
    }

    public (ulong Value, string Cast) UInt64()
    {
        var value = _random.Next(4) switch
        {
            0 => 0UL,
            1 => ulong.MaxValue,
            _ => (ulong)_random.NextInt64(long.MaxValue) >> _random.Next(64),
        };
        return (value, Decimal(value));
    }

    public (ulong Value, string Cast) Time()
    {
        var value = _random.Next(4) == 0 ? MaxUInt40 : (ulong)_random.NextInt64((long)MaxUInt40 + 1);
        return (value, Decimal(value));
    }

    public (UInt128 Value, string Cast) Quantity()
    {
        var value = _random.Next(6) switch
        {
            0 => UInt128.Zero,
            1 => MaxUInt96,
            _ => new UInt128((ulong)_random.NextInt64(1L << 32), (ulong)_random.NextInt64(long.MaxValue)) >> _random.Next(96),
        };
        return (value, Decimal(value));
    }

    public (IReadOnlyList<UInt128> Value, string Cast) Quantities()
    {
        var items = Enumerable.Range(0, _random.Next(18)).Select(_ => Quantity()).ToArray();
        return (items.Select(i => i.Value).ToArray(), "[" + string.Join(',', items.Select(i => i.Cast)) + "]");
    }

    public (TEnum Value, string Cast) Enum<TEnum>()
        where TEnum : struct, Enum
    {
        var values = System.Enum.GetValues<TEnum>();
        var value = values[_random.Next(values.Length)];
        return (value, Convert.ToByte(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
    }

    public (bool Value, string Cast) Bool()
    {
        var value = _random.Next(2) == 0;
        return (value, value ? "true" : "false");
    }

    public (PermitInput Value, string Cast) Permit()
    {
        var (key, keyText) = Hash();
        var (document, documentText) = Hash();
        var (type, typeText) = Enum<PermitType>();
        var (from, fromText) = Time();
        var (until, untilText) = Time();
        var (destination, destinationText) = Country();
        var (maxShipments, maxText) = UInt16();
        var (previous, previousText) = Hash();
        var (actor, actorText) = Hash();
        var (lines, linesText) = Quantities();
        return (new PermitInput(key, document, type, from, until, destination, maxShipments, previous, actor, lines),
            $"({keyText},{documentText},{typeText},{fromText},{untilText},{destinationText},{maxText},{previousText},{actorText},{linesText})");
    }

    private static string Decimal<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
