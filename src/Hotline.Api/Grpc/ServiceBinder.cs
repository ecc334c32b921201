using Google.Protobuf;
using Google.Protobuf.Reflection;
using Hotline.Api.Grpc.Server;

namespace Hotline.Api.Grpc;

/// <summary>
/// Binds handlers to the methods of one service descriptor. The method name, its streaming kind and
/// its message types are checked against the descriptor; the request parser comes from it.
/// </summary>
/// <example><code>
/// binder.Unary&lt;CreateTicketRequest, Ticket&gt;("CreateTicket", CreateTicketAsync);
/// binder.ServerStreaming&lt;WatchTicketsRequest, TicketEvent&gt;("WatchTickets", WatchTicketsAsync);
/// </code></example>
public sealed class ServiceBinder
{
    private readonly bool _requiresAuthentication;
    private readonly Dictionary<string, GrpcMethod> _methods = new(StringComparer.Ordinal);

    internal ServiceBinder(ServiceDescriptor service, bool requiresAuthentication)
    {
        Service = service;
        _requiresAuthentication = requiresAuthentication;
    }

    /// <summary>The service being bound.</summary>
    public ServiceDescriptor Service { get; }

    internal IReadOnlyDictionary<string, GrpcMethod> Methods => _methods;

    /// <summary>One request, one response.</summary>
    public void Unary<TRequest, TResponse>(string methodName, Func<TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var parser = Resolve<TRequest, TResponse>(methodName, clientStreaming: false, serverStreaming: false);
        Add(methodName, async call =>
        {
            var request = await call.Requests.ReadSingleAsync(parser, call.Context.CancellationToken);
            var response = await handler(request, call.Context);
            await call.Responses.WriteAsync(response, flush: false, call.Context.CancellationToken);
        });
    }

    /// <summary>One request, a stream of responses, each flushed as it is written.</summary>
    public void ServerStreaming<TRequest, TResponse>(
        string methodName, Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var parser = Resolve<TRequest, TResponse>(methodName, clientStreaming: false, serverStreaming: true);
        Add(methodName, async call =>
        {
            var request = await call.Requests.ReadSingleAsync(parser, call.Context.CancellationToken);
            await handler(request, new StreamWriter<TResponse>(call), call.Context);
        });
    }

    /// <summary>A stream of requests, one response.</summary>
    public void ClientStreaming<TRequest, TResponse>(
        string methodName, Func<IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var parser = Resolve<TRequest, TResponse>(methodName, clientStreaming: true, serverStreaming: false);
        Add(methodName, async call =>
        {
            var response = await handler(new StreamReader<TRequest>(call, parser), call.Context);
            await call.Responses.WriteAsync(response, flush: false, call.Context.CancellationToken);
        });
    }

    /// <summary>Both directions stream independently.</summary>
    public void DuplexStreaming<TRequest, TResponse>(
        string methodName,
        Func<IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var parser = Resolve<TRequest, TResponse>(methodName, clientStreaming: true, serverStreaming: true);
        Add(methodName, call => handler(new StreamReader<TRequest>(call, parser), new StreamWriter<TResponse>(call), call.Context));
    }

    private MessageParser<TRequest> Resolve<TRequest, TResponse>(string methodName, bool clientStreaming, bool serverStreaming)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        MethodDescriptor method = Service.FindMethodByName(methodName)
            ?? throw new ArgumentException($"{Service.FullName} has no method {methodName}.", nameof(methodName));
        if (method.IsClientStreaming != clientStreaming || method.IsServerStreaming != serverStreaming)
        {
            throw new ArgumentException(
                $"{method.FullName} is {Kind(method.IsClientStreaming, method.IsServerStreaming)}, "
                + $"not {Kind(clientStreaming, serverStreaming)}.",
                nameof(methodName));
        }

        if (method.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{method.FullName} takes {method.InputType.FullName} and returns {method.OutputType.FullName}, "
                + $"not {typeof(TRequest).Name} and {typeof(TResponse).Name}.",
                nameof(methodName));
        }

        return (MessageParser<TRequest>)method.InputType.Parser;
    }

    private void Add(string methodName, Func<GrpcCall, Task> invoke)
    {
        var method = Service.FindMethodByName(methodName);
        string path = $"/{Service.FullName}/{methodName}";
        if (!_methods.TryAdd(methodName, new GrpcMethod(path, method, _requiresAuthentication, invoke)))
        {
            throw new ArgumentException($"{method.FullName} is already bound.", nameof(methodName));
        }
    }

    private static string Kind(bool clientStreaming, bool serverStreaming) => (clientStreaming, serverStreaming) switch
    {
        (false, false) => "unary",
        (false, true) => "server streaming",
        (true, false) => "client streaming",
        _ => "bidirectional streaming",
    };
}
