using Google.Protobuf;
using Grpc.Core;

namespace Ledger.Gateway.Services;

/// <summary>
/// Binds a service's methods with request deserializers that answer a request the protobuf
/// runtime cannot parse (a string field holding invalid UTF-8, such as a lone surrogate from a
/// JavaScript client, or malformed wire bytes) with INVALID_ARGUMENT. grpc-dotnet parses the
/// request before any interceptor runs and reports any other exception as UNKNOWN
/// "Exception was thrown by handler."; an <see cref="RpcException"/> thrown by the
/// deserializer keeps its status. Responses are serialized as generated.
/// </summary>
internal sealed class RequestParsingBinder(ServiceBinderBase inner) : ServiceBinderBase
{
    /// <summary>What the caller reads when a request does not parse; no request content is echoed.</summary>
    internal const string NotUtf8Message =
        "The request is not a valid protobuf message for this method: a string field holds bytes that are not valid UTF-8 " +
        "(e.g. a lone UTF-16 surrogate). Send every string as UTF-8.";

    private const string MalformedMessage =
        "The request is not a valid protobuf message for this method; check the client's generated code against ledger.v1.";

    /// <inheritdoc />
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Guarded(method), handler);

    /// <inheritdoc />
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Guarded(method), handler);

    /// <inheritdoc />
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Guarded(method), handler);

    /// <inheritdoc />
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(Guarded(method), handler);

    private static Method<TRequest, TResponse> Guarded<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var parse = method.RequestMarshaller.ContextualDeserializer;
        var requests = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, context => Parse(parse, context));
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, requests, method.ResponseMarshaller);
    }

    private static TRequest Parse<TRequest>(Func<DeserializationContext, TRequest> parse, DeserializationContext context)
    {
        try
        {
            return parse(context);
        }
        // Google.Protobuf reports invalid UTF-8 as InvalidProtocolBufferException ("String is invalid
        // UTF-8."); older runtimes let the decoder's DecoderFallbackException escape.
        catch (Exception e) when (e is InvalidProtocolBufferException or System.Text.DecoderFallbackException)
        {
            var message = e is System.Text.DecoderFallbackException || e.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase)
                ? NotUtf8Message
                : MalformedMessage;
            throw new RpcException(new Status(StatusCode.InvalidArgument, message));
        }
    }
}
