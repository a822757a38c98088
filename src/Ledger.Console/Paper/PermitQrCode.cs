using QRCoder;

namespace Ledger.Console.Paper;

/// <summary>The QR code printed on a paper copy: a PNG of the public verification URL.</summary>
public static class PermitQrCode
{
    /// <summary>
    /// A PNG data URI of <paramref name="url"/> as a QR code, error correction level M (a
    /// creased or stained print still reads), 8 pixels a module with the standard quiet zone.
    /// </summary>
    public static string PngDataUri(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
