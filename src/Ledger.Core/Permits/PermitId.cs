using System.Diagnostics.CodeAnalysis;
using Ledger.Core.Countries;
using Ledger.Core.Errors;

namespace Ledger.Core.Permits;

/// <summary>
/// A permit or certificate number ("PERMIT/CERTIFICATE No.", box 1 of a CITES permit; the
/// certificate number of an ePhyto) in its normalised form, with the issuing country it
/// carries and the key it is stored under on chain.
/// </summary>
/// <remarks>
/// <para>Normalisation, applied to the text an officer types or pastes:</para>
/// <list type="number">
/// <item>Whitespace (any Unicode space, tab or no-break space) at either end is dropped.</item>
/// <item>Inside the number, whitespace next to a separator is dropped ("CH / 2026" becomes
/// "CH/2026"). Whitespace between two letters or digits is an error: the officer must type
/// the separator printed on the permit, because guessing it could name another permit.</item>
/// <item>ASCII letters are upper-cased. Every other character must be one of A-Z, 0-9 or the
/// separators <c>/ - . _</c>; anything else, including non-ASCII look-alikes such as an en
/// dash, is an error naming the character and its position.</item>
/// <item>Separators are kept as typed: "CH-2026-1" and "CH/2026/1" are different permits,
/// since authorities print either style and the ledger must not merge two real numbers.</item>
/// </list>
/// <para>The result has <see cref="MinLength"/> to <see cref="MaxLength"/> characters, starts
/// with an officially assigned ISO 3166-1 alpha-2 code and a separator (the issuing country,
/// e.g. "CH/2026/000123", "NL-EPH-2026-0042"), has no two separators in a row and does not end
/// with one. Normalising a normalised ID changes nothing.</para>
/// <para><see cref="Key"/> is <c>keccak256</c> of the UTF-8 (here: ASCII) bytes of
/// <see cref="Normalised"/>.</para>
/// </remarks>
public sealed class PermitId : IEquatable<PermitId>
{
    /// <summary>Fewest characters in a normalised ID ("CH/1").</summary>
    public const int MinLength = 4;

    /// <summary>Most characters in a normalised ID.</summary>
    public const int MaxLength = 64;

    private PermitId(string normalised, CountryCode country)
    {
        Normalised = normalised;
        Country = country;
        Key = PermitKey.OfNormalised(normalised);
    }

    /// <summary>The normalised text, e.g. "CH/2026/000123".</summary>
    public string Normalised { get; }

    /// <summary>The issuing country, from the ID's first two letters.</summary>
    public CountryCode Country { get; }

    /// <summary>The on-chain key: <c>keccak256(UTF-8(Normalised))</c>.</summary>
    public PermitKey Key { get; }

    /// <summary>Normalises and checks <paramref name="text"/>; on failure <paramref name="error"/> says what to fix.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PermitId? id, [NotNullWhen(false)] out string? error)
    {
        if (PermitIdRules.TryNormalise(text, out var normalised, out var country, out error))
        {
            id = new PermitId(normalised, country);
            return true;
        }
        id = null;
        return false;
    }

    /// <summary>Normalises and checks <paramref name="text"/>.</summary>
    /// <exception cref="LedgerException">With kind InvalidArgument, naming the problem.</exception>
    public static PermitId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw LedgerException.InvalidArgument("permitId", error);

    /// <inheritdoc/>
    public bool Equals(PermitId? other) => other is not null && Normalised == other.Normalised;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PermitId);

    /// <inheritdoc/>
    public override int GetHashCode() => Normalised.GetHashCode(StringComparison.Ordinal);

    /// <summary>The normalised text.</summary>
    public override string ToString() => Normalised;

    /// <summary>Value equality.</summary>
    public static bool operator ==(PermitId? left, PermitId? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(PermitId? left, PermitId? right) => !(left == right);
}
