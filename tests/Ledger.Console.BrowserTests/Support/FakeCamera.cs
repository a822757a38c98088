using System.Text;
using ZXing;
using ZXing.QrCode;

namespace Ledger.Console.BrowserTests.Support;

/// <summary>
/// A camera for Chromium that films one QR code: a Y4M video file (what
/// <c>--use-file-for-fake-video-capture</c> plays, in a loop) of a QR code encoded by ZXing.Net,
/// an encoder independent of the console's QRCoder and of the jsQR decoder under test.
/// </summary>
public static class FakeCamera
{
    private const int Width = 640;
    private const int Height = 480;
    private const byte White = 235;
    private const byte Black = 16;

    /// <summary>Chromium's flags that make <paramref name="videoFile"/> its camera and grant it without asking.</summary>
    public static IReadOnlyList<string> ChromiumArgs(string videoFile) =>
        ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--use-file-for-fake-video-capture=" + videoFile];

    /// <summary>Writes a Y4M file at <paramref name="path"/> whose frames show <paramref name="qrText"/> as a QR code, or nothing (white) when it is null.</summary>
    public static void WriteVideo(string path, string? qrText)
    {
        var luma = new byte[Width * Height];
        Array.Fill(luma, White);
        if (qrText is not null)
            DrawQrCode(luma, qrText);
        var chroma = new byte[Width / 2 * (Height / 2)];
        Array.Fill(chroma, (byte)128); // grey: no colour

        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var frame = 0; frame < 2; frame++)
        {
            file.Write("FRAME\n"u8);
            file.Write(luma);
            file.Write(chroma); // U
            file.Write(chroma); // V
        }
    }

    private static void DrawQrCode(byte[] luma, string text)
    {
        var code = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 360, 360);
        var left = (Width - code.Width) / 2;
        var top = (Height - code.Height) / 2;
        for (var y = 0; y < code.Height; y++)
            for (var x = 0; x < code.Width; x++)
                if (code[x, y])
                    luma[(top + y) * Width + left + x] = Black;
    }
}
