using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ledger.Core.Errors;
using Ledger.Core.Primitives;

namespace Ledger.Core.Shipments;

/// <summary>
/// The reference customs agree on for one shipment: a transport document number (air
/// waybill, bill of lading, CMR) or a customs declaration number. The ledger counts a
/// reference once per permit and side, so a retried recording is the same shipment.
/// </summary>
/// <remarks>
/// <para>Normalisation: whitespace at the ends is dropped, every internal run of whitespace
/// becomes one space, ASCII letters are upper-cased (carriers and customs treat these numbers
/// case-insensitively). What remains must be printable ASCII (0x20-0x7E) and
/// <see cref="MinLength"/> to <see cref="MaxLength"/> characters. Punctuation is kept:
/// "176-12345675" and "17612345675" are different texts and both are plausible.</para>
/// <para><see cref="Key"/> is <c>keccak256("shipment:" + Normalised)</c> over ASCII bytes:
/// the prefix keeps shipment keys apart from permit keys, which are unprefixed. It is never
/// all-zero in practice (a Keccak-256 preimage of zero is unknown), which matters because the
/// contracts read a zero reference as "none". Only the hash goes on chain: a declaration
/// number can identify a trader.</para>
/// </remarks>
public sealed class ShipmentReference : IEquatable<ShipmentReference>
{
    /// <summary>Fewest characters after normalisation.</summary>
    public const int MinLength = 1;

    /// <summary>Most characters after normalisation.</summary>
    public const int MaxLength = 64;

    private const int MaxInputLength = 256;
    private const string DomainPrefix = "shipment:";

    private ShipmentReference(string normalised)
    {
        Normalised = normalised;
        Key = Keccak.HashUtf8(DomainPrefix + normalised);
    }

    /// <summary>The normalised reference, e.g. "MAEU 123456789".</summary>
    public string Normalised { get; }

    /// <summary>The on-chain <c>bytes32</c>: <c>keccak256("shipment:" + Normalised)</c>.</summary>
    public Bytes32 Key { get; }

    /// <summary>Normalises and checks <paramref name="text"/>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ShipmentReference? reference, [NotNullWhen(false)] out string? error)
    {
        reference = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "shipment reference is empty; give the transport document or customs declaration number";
            return false;
        }
        if (text.Length > MaxInputLength)
        {
            error = $"shipment reference is too long ({text.Length} characters); at most {MaxLength} are allowed";
            return false;
        }
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (c is < '!' or > '~')
            {
                error = $"shipment reference contains {InputEcho.Character(c)} at position {i + 1}; only printable ASCII characters are allowed";
                return false;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c);
        }
        if (builder.Length > MaxLength)
        {
            error = $"shipment reference has {builder.Length} characters; at most {MaxLength} are allowed";
            return false;
        }
        reference = new ShipmentReference(builder.ToString());
        error = null;
        return true;
    }

    /// <summary>Normalises and checks <paramref name="text"/>.</summary>
    /// <exception cref="LedgerException">With kind InvalidArgument, naming the problem.</exception>
    public static ShipmentReference Parse(string text) =>
        TryParse(text, out var reference, out var error) ? reference : throw LedgerException.InvalidArgument("shipmentReference", error);

    /// <inheritdoc/>
    public bool Equals(ShipmentReference? other) => other is not null && Normalised == other.Normalised;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ShipmentReference);

    /// <inheritdoc/>
    public override int GetHashCode() => Normalised.GetHashCode(StringComparison.Ordinal);

    /// <summary>The normalised reference.</summary>
    public override string ToString() => Normalised;
}
