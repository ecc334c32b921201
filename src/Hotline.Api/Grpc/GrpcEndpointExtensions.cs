using Hotline.Api.Grpc.Server;
using Hotline.Contracts.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Api.Grpc;

/// <summary>
/// Puts the gRPC layer into the host's pipeline. Both forms bind every registered service at once,
/// so a method without a handler (or a missing token validator) stops the host at startup.
/// </summary>
public static class GrpcEndpointExtensions
{
    /// <summary>Terminal middleware: every request reaching it is a gRPC call. Use it on a branch for the
    /// gRPC listener, e.g. <c>app.MapWhen(c =&gt; c.Connection.LocalPort == grpcPort, b =&gt; b.UseHotlineGrpc())</c>.</summary>
    public static IApplicationBuilder UseHotlineGrpc(this IApplicationBuilder app)
    {
        var handler = Resolve(app.ApplicationServices);
        app.Run(handler.HandleAsync);
        return app;
    }

    /// <summary>Maps "/{service}/{method}" to the gRPC layer; restrict it to the gRPC listener with
    /// <c>.RequireHost("*:50051")</c> when the app also serves plain HTTP.</summary>
    public static IEndpointConventionBuilder MapHotlineGrpc(this IEndpointRouteBuilder endpoints)
    {
        var handler = Resolve(endpoints.ServiceProvider);
        return endpoints.Map("/{service}/{method}", (RequestDelegate)handler.HandleAsync)
            .WithDisplayName("gRPC");
    }

    private static GrpcRequestHandler Resolve(IServiceProvider services)
    {
        var handler = services.GetService<GrpcRequestHandler>()
            ?? throw new InvalidOperationException("Call services.AddHotlineGrpc() before mapping gRPC.");
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        if (!isService.IsService(typeof(ITokenValidator)))
        {
            throw new InvalidOperationException(
                "gRPC calls are authenticated: register an ITokenValidator before mapping gRPC.");
        }

        return handler;
    }
}
