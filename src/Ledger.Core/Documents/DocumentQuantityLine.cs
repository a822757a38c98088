namespace Ledger.Core.Documents;

/// <summary>One quantity line of a permit document, in document order.</summary>
/// <param name="Number">The line's number as the ledger counts it: 1, 2, ... in document order.</param>
/// <param name="ScientificName">The species (CITES box 7/8; an ePhyto's botanical name), when given.</param>
/// <param name="Description">What the specimens or commodity are, when given.</param>
/// <param name="Amount">The authorised amount, a whole number in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit code as written (UN/ECE Rec. 20, e.g. KGM, NAR), or "packages" for an ePhyto package count.</param>
public sealed record DocumentQuantityLine(int Number, string? ScientificName, string? Description, UInt128 Amount, string Unit);
