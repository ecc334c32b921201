using Hotline.Api.Pipeline;
using Microsoft.AspNetCore.Http.Features;

namespace Hotline.Silo.Hosting;

/// <summary>
/// Caps a request body on the HTTP port at the gRPC message limit (4 MiB): no page, report or HTTP/JSON desk
/// call needs more, and Kestrel's own default (30 MB, buffered whole by JSON transcoding) would let a few
/// clients hold gigabytes. The gRPC port keeps Kestrel's default, as gRPC enforces its message size itself.
/// </summary>
internal static class HttpBodyLimit
{
    public static Func<HttpContext, RequestDelegate, Task> Middleware(ListenerPorts ports) => (context, next) =>
    {
        if (context.Connection.LocalPort == ports.HttpPort
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = GrpcServiceCollectionExtensions.MaxReceiveMessageSize;
        }

        return next(context);
    };
}
