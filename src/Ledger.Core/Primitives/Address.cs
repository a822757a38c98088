using System.Diagnostics.CodeAnalysis;
using Nethereum.Util;

namespace Ledger.Core.Primitives;

/// <summary>
/// A 20-byte Ethereum account address. Prints with its EIP-55 checksum (Nethereum's
/// <see cref="AddressUtil"/>); parsing accepts all-lower or all-upper hex, and mixed case only
/// when the checksum is right, so a mistyped address is caught before anything is sent.
/// A value type rather than Nethereum's strings so that an address, a hash and free text
/// cannot be swapped by mistake in the domain and the gateway.
/// </summary>
public readonly struct Address : IEquatable<Address>
{
    /// <summary>Size of an address in bytes.</summary>
    public const int Size = 20;

    private readonly byte[]? _bytes;

    /// <summary>Creates an address from exactly 20 bytes (copied).</summary>
    /// <exception cref="ArgumentException">When <paramref name="bytes"/> is not 20 bytes long.</exception>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"An address is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        _bytes = bytes.ToArray();
    }

    /// <summary>The zero address.</summary>
    public static Address Zero => default;

    /// <summary>The 20 bytes of the address.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? new byte[Size];

    /// <summary>True for the all-zero address.</summary>
    public bool IsZero => Bytes.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Parses "0x" + 40 hex digits, enforcing the EIP-55 checksum on mixed case.</summary>
    /// <exception cref="FormatException">When the text is not an address or its checksum is wrong.</exception>
    public static Address Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    /// <summary>Parses like <see cref="Parse"/> without throwing; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string? text, out Address address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        if (text is null || text.Length != 2 + 2 * Size || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            error = "An address is \"0x\" followed by 40 hex digits.";
            return false;
        }
        var digits = text.AsSpan(2);
        if (digits.ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            error = "An address may contain only hex digits after \"0x\".";
            return false;
        }
        var mixedCase = digits.ContainsAnyInRange('a', 'f') && digits.ContainsAnyInRange('A', 'F');
        if (mixedCase && !AddressUtil.Current.IsChecksumAddress(text))
        {
            error = $"Address {text} has a wrong EIP-55 checksum (mistyped?).";
            return false;
        }
        address = new Address(Convert.FromHexString(digits));
        error = null;
        return true;
    }

    /// <summary>The EIP-55 mixed-case form, "0x"-prefixed.</summary>
    public string ToChecksumHex() => AddressUtil.Current.ConvertToChecksumAddress(ToLowerHex());

    /// <summary>The all-lower-case form, "0x"-prefixed (how JSON-RPC and Redis keys write it).</summary>
    public string ToLowerHex() => "0x" + Convert.ToHexStringLower(Bytes);

    /// <inheritdoc />
    public override string ToString() => ToChecksumHex();

    /// <inheritdoc />
    public bool Equals(Address other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Equality by value.</summary>
    public static bool operator ==(Address left, Address right) => left.Equals(right);

    /// <summary>Inequality by value.</summary>
    public static bool operator !=(Address left, Address right) => !left.Equals(right);
}
