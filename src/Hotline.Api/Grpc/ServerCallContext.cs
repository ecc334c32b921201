using Hotline.Contracts.Security;
using Microsoft.AspNetCore.Http;

namespace Hotline.Api.Grpc;

/// <summary>What a handler knows about its call besides the request message.</summary>
public sealed class ServerCallContext
{
    internal ServerCallContext(
        HttpContext httpContext, string method, DateTimeOffset deadline, CancellationToken cancellationToken, CancellationToken serverStopping)
    {
        HttpContext = httpContext;
        Method = method;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        ServerStopping = serverStopping;
    }

    /// <summary>The method's path, e.g. "/hotline.v1.HotlineDesk/CreateTicket".</summary>
    public string Method { get; }

    /// <summary>When the client stops waiting (from grpc-timeout); <see cref="DateTimeOffset.MaxValue"/> without one.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>Cancelled when the deadline passes or the client cancels; pass it to every await.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Cancelled when the host begins to shut down. Unary calls ignore it and are drained; a
    /// long-lived stream (WatchTickets) ends on it with OK, so shutdown does not wait for the
    /// stream's deadline and the client resumes from its cursor elsewhere.
    /// </summary>
    public CancellationToken ServerStopping { get; }

    /// <summary>The request's headers (metadata), lower-case names.</summary>
    public IHeaderDictionary RequestHeaders => HttpContext.Request.Headers;

    /// <summary>The underlying HTTP/2 exchange.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>Who called, resolved from the bearer token; null only on methods that need no
    /// authentication (server reflection).</summary>
    public Caller? Caller { get; internal set; }

    /// <summary>The authenticated caller, for handlers of authenticated methods.</summary>
    public Caller RequireCaller() =>
        Caller ?? throw new RpcException(StatusCode.Unauthenticated, "The call is not authenticated.");
}
