using Google.Protobuf;
using Grpc.Core;

namespace Ledger.Gateway.IntegrationTests.Support;

/// <summary>
/// Calls gateway methods with hand-made request bytes, as a client in another language can:
/// bytes the C# protobuf runtime would never write (invalid UTF-8 in a string field).
/// </summary>
public static class RawGrpc
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    /// <summary>
    /// The serialized <paramref name="message"/> with the UTF-8 of <paramref name="marker"/>
    /// (which must occur once) overwritten by <paramref name="replacement"/> of the same length,
    /// so every length prefix stays right.
    /// </summary>
    public static byte[] WithBytesInPlaceOf(IMessage message, string marker, byte[] replacement)
    {
        var bytes = message.ToByteArray();
        var target = System.Text.Encoding.UTF8.GetBytes(marker);
        if (target.Length != replacement.Length)
            throw new ArgumentException("The replacement must be as long as the marker's UTF-8.", nameof(replacement));
        var at = bytes.AsSpan().IndexOf(target);
        if (at < 0 || bytes.AsSpan(at + 1).IndexOf(target) >= 0)
            throw new ArgumentException($"The marker must occur exactly once in the message.", nameof(marker));
        replacement.CopyTo(bytes, at);
        return bytes;
    }

    /// <summary>Calls unary <paramref name="service"/>/<paramref name="method"/> with <paramref name="request"/>; the status it ended with.</summary>
    public static async Task<Status> CallUnaryAsync(CallInvoker invoker, string service, string method, byte[] request, CallOptions options)
    {
        var call = new Method<byte[], byte[]>(MethodType.Unary, service, method, Bytes, Bytes);
        try
        {
            await invoker.AsyncUnaryCall(call, null, options, request).ResponseAsync;
            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }

    /// <summary>
    /// Opens server-streaming <paramref name="method"/> with <paramref name="request"/> and reads
    /// until the first message or the end; the status (OK once a message arrived).
    /// </summary>
    public static async Task<Status> CallStreamingAsync(CallInvoker invoker, string service, string method, byte[] request, CallOptions options)
    {
        var call = new Method<byte[], byte[]>(MethodType.ServerStreaming, service, method, Bytes, Bytes);
        try
        {
            using var stream = invoker.AsyncServerStreamingCall(call, null, options, request);
            await stream.ResponseStream.MoveNext(options.CancellationToken);
            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }
}
