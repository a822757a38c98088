using System.Diagnostics.CodeAnalysis;
using Ledger.Core.Errors;
using Ledger.Core.Permits;

namespace Ledger.Core.Documents;

/// <summary>
/// Understands a permit document: recognises a CITES ePermit or an IPPC ePhyto by its root
/// element and reads the fields the ledger anchors. Pure: the bytes are parsed in memory
/// with DTDs and external entities refused and the size bounded by
/// <see cref="DocumentHash.MaxDocumentBytes"/>.
/// </summary>
public static class PermitDocumentReader
{
    /// <summary>
    /// Reads <paramref name="document"/>; on failure <paramref name="problems"/> lists every
    /// problem found (field paths start with "document/", with the XML line).
    /// </summary>
    public static bool TryRead(ReadOnlyMemory<byte> document, [NotNullWhen(true)] out PermitDocumentSummary? summary,
        out IReadOnlyList<ValidationProblem> problems)
    {
        summary = null;
        if (!SafeXml.TryLoad(document, out var xml, out var error))
        {
            problems = [new ValidationProblem("document", error)];
            return false;
        }
        var root = xml.Root!;
        var fields = new DocumentFields();
        summary = root.Name.LocalName switch
        {
            CitesEPermitParser.RootName => CitesEPermitParser.Parse(root, fields),
            EPhytoParser.RootName => EPhytoParser.Parse(root, fields),
            _ => null,
        };
        if (summary is null && !fields.HasProblems)
        {
            problems = [new ValidationProblem("document", $"has root element <{root.Name.LocalName}>; the ledger reads "
                + $"<{CitesEPermitParser.RootName}> (CITES ePermit) and <{EPhytoParser.RootName}> (IPPC ePhyto) documents")];
            return false;
        }
        if (summary is not null && summary.Lines.Count > Quantities.MaxLines)
        {
            problems = [new ValidationProblem("document", $"has {summary.Lines.Count} quantity lines; the ledger anchors at most {Quantities.MaxLines}")];
            summary = null;
            return false;
        }
        problems = fields.Problems;
        return summary is not null;
    }

    /// <summary>Reads <paramref name="document"/>.</summary>
    /// <exception cref="LedgerException">With kind InvalidArgument listing every problem.</exception>
    public static PermitDocumentSummary Read(ReadOnlyMemory<byte> document) =>
        TryRead(document, out var summary, out var problems) ? summary : throw new LedgerException(LedgerError.InvalidArgument(problems));
}
