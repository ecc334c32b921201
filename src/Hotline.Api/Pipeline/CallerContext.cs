using Grpc.Core;
using Hotline.Contracts.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hotline.Api.Pipeline;

/// <summary>What the pipeline hands a service method besides the request: the caller and the host's stop signal.</summary>
internal static class CallerContext
{
    private static readonly object CallerKey = typeof(Caller);

    public static void SetCaller(this ServerCallContext context, Caller caller) => context.UserState[CallerKey] = caller;

    /// <summary>The caller <see cref="AuthenticationInterceptor"/> resolved from the bearer token.</summary>
    public static Caller RequireCaller(this ServerCallContext context) =>
        context.UserState.TryGetValue(CallerKey, out var value) && value is Caller caller
            ? caller
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "The call is not authenticated."));

    /// <summary>
    /// Cancelled when the host begins to shut down. Unary calls ignore it and are drained; a long-lived
    /// stream (WatchTickets, WatchCalls) ends on it with OK, so shutdown does not wait for the stream's
    /// deadline and the client resumes elsewhere.
    /// </summary>
    public static CancellationToken ServerStopping(this ServerCallContext context) =>
        context.GetHttpContext().RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
}
