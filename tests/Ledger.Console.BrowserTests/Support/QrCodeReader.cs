using System.Text.Json;
using Microsoft.Playwright;
using ZXing;
using ZXing.Common;

namespace Ledger.Console.BrowserTests.Support;

/// <summary>
/// Reads a QR code image on a page with an independent decoder (ZXing.Net): the browser draws
/// the image as it displays it onto a canvas, and ZXing decodes those pixels.
/// </summary>
public static class QrCodeReader
{
    private const string Pixels = """
        img => {
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const context = canvas.getContext('2d');
          context.drawImage(img, 0, 0);
          const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
          return { width: canvas.width, height: canvas.height, rgba: Array.from(data) };
        }
        """;

    /// <summary>The text of the QR code shown by the &lt;img&gt; <paramref name="image"/>.</summary>
    public static async Task<string> DecodeAsync(ILocator image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var result = await image.EvaluateAsync<JsonElement>(Pixels);
        var width = result.GetProperty("width").GetInt32();
        var height = result.GetProperty("height").GetInt32();
        var rgba = result.GetProperty("rgba").EnumerateArray().Select(value => (byte)value.GetInt32()).ToArray();
        var source = new RGBLuminanceSource(rgba, width, height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        return reader.Decode(source)?.Text ?? throw new InvalidOperationException($"ZXing found no QR code in the {width}x{height} image.");
    }
}
