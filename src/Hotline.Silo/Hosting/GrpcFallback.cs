namespace Hotline.Silo.Hosting;

/// <summary>What the gRPC port answers when nothing composed onto it handled the request.</summary>
internal static class GrpcFallback
{
    /// <summary>
    /// A gRPC request for an unknown method gets a trailers-only UNIMPLEMENTED (status 12, gRPC over HTTP/2
    /// spec: "Trailers-Only"); anything else is not for this port and gets 404.
    /// </summary>
    public static Task HandleAsync(HttpContext context)
    {
        var isGrpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
        if (!isGrpc)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = "12";
        context.Response.Headers["grpc-message"] = "Method not found: " + context.Request.Path;
        return Task.CompletedTask;
    }
}
