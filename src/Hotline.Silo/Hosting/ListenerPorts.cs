using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hotline.Silo.Hosting;

/// <summary>
/// Which Kestrel listener is which. Requests are routed by the port they arrived on, so HTTP pages are not
/// reachable on the gRPC port and gRPC is not reachable on the HTTP port. Kestrel writes the bound endpoint
/// back into the listen options, so port 0 (tests) resolves to the real port once the server has started.
/// </summary>
internal sealed class ListenerPorts
{
    internal ListenOptions? HttpListener { get; set; }

    internal ListenOptions? GrpcListener { get; set; }

    public int HttpPort => HttpListener?.IPEndPoint?.Port ?? 0;

    public int GrpcPort => GrpcListener?.IPEndPoint?.Port ?? 0;

    public bool IsGrpc(HttpContext context) => context.Connection.LocalPort == GrpcPort;
}
