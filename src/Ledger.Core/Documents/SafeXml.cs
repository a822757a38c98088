using System.Diagnostics.CodeAnalysis;
using System.Xml;
using System.Xml.Linq;

namespace Ledger.Core.Documents;

/// <summary>
/// Loads untrusted XML from memory with everything dangerous off: no DTD (so no entity
/// expansion bombs and no external entities), no resolver, bounded size. Comments and
/// processing instructions are dropped: they carry no permit fields.
/// </summary>
internal static class SafeXml
{
    public static bool TryLoad(ReadOnlyMemory<byte> bytes, [NotNullWhen(true)] out XDocument? document, [NotNullWhen(false)] out string? error)
    {
        document = null;
        error = DocumentHash.CheckSize(bytes.Length);
        if (error is not null)
            return false;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = DocumentHash.MaxDocumentBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            return true;
        }
        catch (XmlException problem)
        {
            error = problem.Message.Contains("DTD", StringComparison.Ordinal)
                ? "contains a DTD (<!DOCTYPE ...>), which is refused: permit documents must not declare entities"
                : $"is not well-formed XML: {problem.Message}";
            return false;
        }
    }
}
