using Hotline.Contracts.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Api.Pipeline;

/// <summary>Puts gRPC into the host's pipeline, on its own listener.</summary>
public static class GrpcEndpointExtensions
{
    /// <summary>
    /// Maps every service registered with <see cref="GrpcServiceCollectionExtensions.AddGrpcService{TService}"/>,
    /// server reflection and the health service (both anonymous, as grpcurl and load balancers expect).
    /// All of them answer only on the gRPC listener (see <see cref="UseGrpcListener"/>); the services'
    /// HTTP/JSON bindings and their OpenAPI document (<c>/openapi/v1.json</c>) only on the others.
    /// </summary>
    public static IEndpointRouteBuilder MapHotlineGrpc(this IEndpointRouteBuilder endpoints)
    {
        var isService = endpoints.ServiceProvider.GetRequiredService<IServiceProviderIsService>();
        if (!isService.IsService(typeof(ITokenValidator)))
        {
            throw new InvalidOperationException("gRPC calls are authenticated: register an ITokenValidator before mapping gRPC.");
        }

        foreach (var service in endpoints.ServiceProvider.GetServices<GrpcServiceMapping>())
        {
            service.Map(endpoints).WithMetadata(GrpcListenerEndpoint.Instance);
        }

        endpoints.MapGrpcReflectionService().AllowAnonymous().WithMetadata(GrpcListenerEndpoint.Instance);
        endpoints.MapGrpcHealthChecksService().AllowAnonymous().WithMetadata(GrpcListenerEndpoint.Instance);
        endpoints.MapSwagger(HttpJsonDocument.Route);
        return endpoints;
    }

    /// <summary>
    /// After <c>UseRouting</c>: requests on the listener <paramref name="isGrpcListener"/> picks reach only
    /// gRPC endpoints, and requests on any other listener never do; gRPC calls are counted in metrics.
    /// </summary>
    public static IApplicationBuilder UseGrpcListener(this IApplicationBuilder app, Func<HttpContext, bool> isGrpcListener) =>
        app.UseMiddleware<ListenerSplitMiddleware>(isGrpcListener);
}
