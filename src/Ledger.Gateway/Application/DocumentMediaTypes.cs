namespace Ledger.Gateway.Application;

/// <summary>
/// Tells what a registered document is from its first bytes, for the media type kept beside
/// it: the API carries the bytes only. A wrong guess costs nothing but a label; the bytes and
/// their hash are kept exactly as given.
/// </summary>
internal static class DocumentMediaTypes
{
    /// <summary>application/xml, application/json, application/pdf, or application/octet-stream.</summary>
    public static string Sniff(ReadOnlySpan<byte> document)
    {
        if (document.StartsWith("%PDF-"u8))
            return "application/pdf";
        var text = SkipByteOrderMarkAndWhitespace(document);
        if (text.IsEmpty)
            return "application/octet-stream";
        return text[0] switch
        {
            (byte)'<' => "application/xml",
            (byte)'{' or (byte)'[' => "application/json",
            _ => "application/octet-stream",
        };
    }

    private static ReadOnlySpan<byte> SkipByteOrderMarkAndWhitespace(ReadOnlySpan<byte> document)
    {
        var text = document.StartsWith("\uFEFF"u8) ? document[3..] : document;
        var start = 0;
        while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            start++;
        return text[start..];
    }
}
