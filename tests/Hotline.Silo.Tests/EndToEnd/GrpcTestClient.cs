using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// The tests' gRPC client: Grpc.Net.Client over h2c, calling methods by name with the bearer token as
/// authorization metadata. Answers are kept as bytes and parsed with the parser a test gives, so one
/// helper calls every service; unary and server-streaming methods look alike on the wire and are read alike.
/// </summary>
internal sealed class GrpcTestClient : IDisposable
{
    public const string HotlineDesk = "hotline.v1.HotlineDesk";
    public const string DepartmentDesk = "hotline.v1.DepartmentDesk";
    public const string Supervision = "hotline.v1.Supervision";

    private static readonly Marshaller<IMessage> Request = Marshallers.Create<IMessage>(m => m.ToByteArray(), _ => throw new NotSupportedException());
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create<byte[]>(b => b, b => b);

    private readonly GrpcChannel _channel;

    public GrpcTestClient(Uri address)
    {
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            MaxReceiveMessageSize = null,
        });
    }

    /// <summary>One unary call with a 30 s deadline; <paramref name="service"/> is a full name or a hotline.v1 service.</summary>
    public async Task<GrpcReply<TResponse>> UnaryAsync<TResponse>(
        string service, string method, IMessage request, MessageParser<TResponse> parser, string? token, CancellationToken cancellationToken = default)
        where TResponse : IMessage<TResponse>
    {
        var reply = await CallAsync(service, method, request, token, parser, TimeSpan.FromSeconds(30), take: int.MaxValue, cancellationToken);
        return new GrpcReply<TResponse>(reply.Status ?? StatusCode.Unknown, reply.Message ?? "", reply.Messages.Count > 0 ? reply.Messages[0] : default);
    }

    /// <summary>One unary call with the deadline given (a tiny one makes the client give up while the server may still apply it).</summary>
    public async Task<GrpcReply<TResponse>> UnaryAsync<TResponse>(
        string service, string method, IMessage request, MessageParser<TResponse> parser, string? token, TimeSpan deadline)
        where TResponse : IMessage<TResponse>
    {
        var reply = await CallAsync(service, method, request, token, parser, deadline, take: int.MaxValue, CancellationToken.None);
        return new GrpcReply<TResponse>(reply.Status ?? StatusCode.Unknown, reply.Message ?? "", reply.Messages.Count > 0 ? reply.Messages[0] : default);
    }

    /// <summary>One unary call by path, e.g. "/hotline.v1.Knowledge/Search".</summary>
    public Task<GrpcReply<TResponse>> UnaryAsync<TResponse>(string path, IMessage request, MessageParser<TResponse> parser, string? token)
        where TResponse : IMessage<TResponse>
    {
        var parts = path.Trim('/').Split('/');
        return UnaryAsync(parts[0], parts[1], request, parser, token);
    }

    /// <summary>Calls a unary method; the reply holds every message and the status.</summary>
    public Task<GrpcReplies<T>> CallAsync<T>(string service, string method, IMessage request, string? token, MessageParser<T> parser)
        where T : IMessage<T> =>
        CallAsync(service, method, request, token, parser, TimeSpan.FromMinutes(1), int.MaxValue, CancellationToken.None);

    /// <summary>
    /// Calls a server-streaming method and reads until <paramref name="take"/> messages came or the stream
    /// ended; then leaves (the call is cancelled). Status is set only when the server ended the stream.
    /// </summary>
    public Task<GrpcReplies<T>> StreamAsync<T>(string service, string method, IMessage request, string? token, MessageParser<T> parser, int take)
        where T : IMessage<T> =>
        CallAsync(service, method, request, token, parser, TimeSpan.FromSeconds(30), take, CancellationToken.None);

    /// <summary>Calls a unary method with <paramref name="payload"/> as the request message as it is, e.g. bytes no generated message would write.</summary>
    public async Task<GrpcReply<byte[]>> UnaryRawAsync(string service, string method, byte[] payload, string? token)
    {
        var raw = new Method<byte[], byte[]>(MethodType.Unary, FullName(service), method, Bytes, Bytes);
        try
        {
            var answer = await _channel.CreateCallInvoker().AsyncUnaryCall(raw, null, Options(token, TimeSpan.FromSeconds(30), CancellationToken.None), payload);
            return new GrpcReply<byte[]>(StatusCode.OK, "", answer);
        }
        catch (RpcException e)
        {
            return new GrpcReply<byte[]>(e.StatusCode, e.Status.Detail, null);
        }
    }

    /// <summary>
    /// A unary call whose request message goes out at once but whose end of stream waits for
    /// <paramref name="release"/>: the server cannot run the method before the request ends, so the call
    /// stays open at the server for as long as the test wants. <paramref name="opened"/> completes once
    /// the message is on its way.
    /// </summary>
    public async Task<GrpcReply<TResponse>> HeldUnaryAsync<TResponse>(
        string service, string method, IMessage request, MessageParser<TResponse> parser, string token, TaskCompletionSource opened, Task release)
        where TResponse : IMessage<TResponse>
    {
        var held = new Method<IMessage, byte[]>(MethodType.ClientStreaming, FullName(service), method, Request, Bytes);
        using var call = _channel.CreateCallInvoker().AsyncClientStreamingCall(held, null, Options(token, TimeSpan.FromSeconds(60), CancellationToken.None));
        try
        {
            await call.RequestStream.WriteAsync(request);
            opened.TrySetResult();
            await release;
            await call.RequestStream.CompleteAsync();
            return new GrpcReply<TResponse>(StatusCode.OK, "", parser.ParseFrom(await call.ResponseAsync));
        }
        catch (RpcException e)
        {
            opened.TrySetResult();
            return new GrpcReply<TResponse>(e.StatusCode, e.Status.Detail, default);
        }
    }

    /// <summary>
    /// Opens a server-streaming call without waiting for its response headers (a server may send them
    /// only with its first message); read its messages with <see cref="GrpcStream{T}.ReadAsync"/>.
    /// </summary>
    public GrpcStream<TResponse> Stream<TResponse>(
        string service, string method, IMessage request, MessageParser<TResponse> parser, string token, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse> =>
        new(_channel.CreateCallInvoker().AsyncServerStreamingCall(Streaming(service, method), null, Options(token, null, cancellationToken), request), parser);

    public void Dispose() => _channel.Dispose();

    private async Task<GrpcReplies<T>> CallAsync<T>(
        string service, string method, IMessage request, string? token, MessageParser<T> parser, TimeSpan deadline, int take, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        var messages = new List<T>();
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var call = _channel.CreateCallInvoker().AsyncServerStreamingCall(Streaming(service, method), null, Options(token, deadline, leave.Token), request);
        try
        {
            while (messages.Count < take && await call.ResponseStream.MoveNext(leave.Token))
            {
                messages.Add(parser.ParseFrom(call.ResponseStream.Current));
            }

            if (messages.Count == take)
            {
                await leave.CancelAsync();
                return new GrpcReplies<T>(null, null, messages);
            }

            return new GrpcReplies<T>(StatusCode.OK, "", messages);
        }
        catch (RpcException e)
        {
            return new GrpcReplies<T>(e.StatusCode, e.Status.Detail, messages);
        }
    }

    private static Method<IMessage, byte[]> Streaming(string service, string method) =>
        new(MethodType.ServerStreaming, FullName(service), method, Request, Bytes);

    private static string FullName(string service) => service.Contains('.', StringComparison.Ordinal) ? service : "hotline.v1." + service;

    private static CallOptions Options(string? token, TimeSpan? deadline, CancellationToken cancellationToken)
    {
        var headers = new Metadata();
        if (token is not null)
        {
            headers.Add("authorization", token.Length == 0 ? "Bearer " : $"Bearer {token}");
        }

        return new CallOptions(
            headers,
            deadline is { } limit ? TimeProvider.System.GetUtcNow().UtcDateTime + limit : null,
            cancellationToken);
    }
}
