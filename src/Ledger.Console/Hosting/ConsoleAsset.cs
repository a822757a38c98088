using System.IO.Compression;
using System.Security.Cryptography;

namespace Ledger.Console.Hosting;

/// <summary>
/// One of the console's static files as it is served: its bytes, the fingerprint of its content
/// (which names its long-lived URL) and its brotli and gzip encodings.
/// </summary>
internal sealed class ConsoleAsset
{
    // Brotli's best quality takes about half a second for jsQR (257 KB down to 33 KB, against 46 KB at
    // quality 9); paid once per process, in the background from startup (ConsoleAssetEncoding), never on a page.
    private const int BrotliQuality = 11;
    private const int BrotliWindowBits = 22;

    // Each encoding runs on the thread pool once its task is first asked for: whoever asks first
    // (the startup preparation, or a request that came sooner) does not wait for it to begin.
    private readonly Lazy<Task<byte[]?>> _brotli;
    private readonly Lazy<Task<byte[]?>> _gzip;

    /// <summary>The file as <paramref name="bytes"/>, served as <paramref name="contentType"/>.</summary>
    public ConsoleAsset(string name, string contentType, byte[] bytes)
    {
        Name = name;
        ContentType = contentType;
        Bytes = bytes;
        // 16 hex digits of SHA-256: a new version gets a new URL, so a browser may keep a version forever.
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8));
        var dot = name.LastIndexOf('.');
        FingerprintedPath = $"/assets/{name[..dot]}.{Fingerprint}{name[dot..]}";
        _brotli = new Lazy<Task<byte[]?>>(() => Task.Run(() => SmallerThanBytes(Brotli(bytes))));
        _gzip = new Lazy<Task<byte[]?>>(() => Task.Run(() => SmallerThanBytes(Gzip(bytes))));
    }

    /// <summary>The file's name, as in <c>/assets/{name}</c>.</summary>
    public string Name { get; }

    /// <summary>The Content-Type it is served with.</summary>
    public string ContentType { get; }

    /// <summary>The file's bytes, as embedded.</summary>
    public byte[] Bytes { get; }

    /// <summary>The start of the SHA-256 of <see cref="Bytes"/>, in lower-case hex.</summary>
    public string Fingerprint { get; }

    /// <summary>The URL whose content never changes: <c>/assets/{stem}.{fingerprint}{extension}</c>.</summary>
    public string FingerprintedPath { get; }

    /// <summary>
    /// The bytes in <paramref name="coding"/> ("br" or "gzip"), or null when that encoding would not
    /// be smaller: complete once <see cref="StartEncoding"/> has finished, else the encoding under way
    /// (started now if nothing started it).
    /// </summary>
    public Task<byte[]?> EncodedAsync(string coding) => coding switch
    {
        ContentCodings.Brotli => _brotli.Value,
        ContentCodings.Gzip => _gzip.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, "The console encodes its assets in br and gzip only."),
    };

    /// <summary>Starts every encoding in the background, without waiting for any; the task completes when all are done.</summary>
    public Task StartEncoding() => Task.WhenAll(_brotli.Value, _gzip.Value);

    private byte[]? SmallerThanBytes(byte[] encoded) => encoded.Length < Bytes.Length ? encoded : null;

    private static byte[] Brotli(byte[] bytes)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        if (!BrotliEncoder.TryCompress(bytes, buffer, out var written, BrotliQuality, BrotliWindowBits))
            throw new InvalidOperationException("Brotli could not compress a console asset into its maximum compressed length.");
        return buffer[..written];
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(bytes);
        return buffer.ToArray();
    }
}
