using System.Text;

namespace Ledger.Chain.Primitives;

/// <summary>
/// A 20-byte Ethereum account address. Prints with its EIP-55 checksum; parsing accepts
/// all-lower or all-upper hex, and mixed case only when the checksum is right, so a
/// mistyped address is caught before anything is sent.
/// </summary>
public readonly struct Address : IEquatable<Address>
{
    /// <summary>Size of an address in bytes.</summary>
    public const int Size = 20;

    private readonly byte[]? _bytes;

    /// <summary>Creates an address from exactly 20 bytes (copied).</summary>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"An address is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        _bytes = bytes.ToArray();
    }

    /// <summary>The zero address.</summary>
    public static Address Zero { get; } = new(new byte[Size]);

    /// <summary>The 20 bytes of the address.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? new byte[Size];

    /// <summary>True for the all-zero address.</summary>
    public bool IsZero => Bytes.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Parses "0x" + 40 hex digits, enforcing the EIP-55 checksum on mixed case.</summary>
    public static Address Parse(string text)
    {
        if (!TryParse(text, out var address, out var error))
            throw new FormatException(error);
        return address;
    }

    /// <summary>Parses like <see cref="Parse"/> without throwing; <paramref name="error"/> says why not.</summary>
    public static bool TryParse(string? text, out Address address, out string? error)
    {
        address = default;
        if (text is null || text.Length != 42 || !Hex.HasPrefix(text))
        {
            error = "An address is \"0x\" followed by 40 hex digits.";
            return false;
        }
        var digits = text.AsSpan(2);
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            error = "An address may contain only hex digits after \"0x\".";
            return false;
        }
        address = new Address(bytes);
        var mixedCase = digits.ContainsAnyInRange('a', 'f') && digits.ContainsAnyInRange('A', 'F');
        if (mixedCase && !digits.SequenceEqual(address.ToChecksumHex().AsSpan(2)))
        {
            error = $"Address {text} has a wrong EIP-55 checksum (mistyped?).";
            address = default;
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>The EIP-55 mixed-case form, "0x"-prefixed.</summary>
    public string ToChecksumHex()
    {
        var lower = Hex.Encode(Bytes, prefix: false);
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(lower));
        var sb = new StringBuilder("0x", 42);
        for (var i = 0; i < lower.Length; i++)
        {
            var nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0x0f;
            sb.Append(nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i]);
        }
        return sb.ToString();
    }

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
