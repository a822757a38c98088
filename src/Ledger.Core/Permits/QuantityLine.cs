namespace Ledger.Core.Permits;

/// <summary>
/// One quantity line of a permit as anchored on chain: how much was authorised and how much
/// has been used by recorded shipments. The contracts guarantee used ≤ authorised.
/// </summary>
public readonly record struct QuantityLine
{
    /// <summary>Creates a line.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// When an amount exceeds <see cref="Quantities.MaxAmount"/> or <paramref name="used"/>
    /// exceeds <paramref name="authorised"/> (an on-chain invariant, so a bug elsewhere).
    /// </exception>
    public QuantityLine(UInt128 authorised, UInt128 used)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(authorised, Quantities.MaxAmount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(used, authorised);
        Authorised = authorised;
        Used = used;
    }

    /// <summary>The amount the permit authorises.</summary>
    public UInt128 Authorised { get; }

    /// <summary>The amount consumed by recorded shipments.</summary>
    public UInt128 Used { get; }

    /// <summary>What can still be shipped.</summary>
    public UInt128 Remaining => Authorised - Used;

    /// <summary>True when nothing is left.</summary>
    public bool IsUsedUp => Used == Authorised;
}
