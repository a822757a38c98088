namespace Ledger.Chain.Rpc;

/// <summary>
/// Reads an HTTP response body with a size ceiling, so a misbehaving or hostile endpoint
/// cannot make the client buffer an unbounded answer.
/// </summary>
internal static class ResponseBodyReader
{
    /// <summary>
    /// Returns the body, or null when it is larger than <paramref name="maxBytes"/> (judged
    /// from Content-Length before reading, and again while reading for chunked answers).
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
            return null;

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var body = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > maxBytes)
                return null;
            body.Write(chunk, 0, read);
        }
        return body.ToArray();
    }
}
