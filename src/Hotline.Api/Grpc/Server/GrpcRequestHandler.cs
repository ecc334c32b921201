using Hotline.Api.Grpc.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Grpc.Server;

/// <summary>
/// Serves one HTTP/2 request as a gRPC call (PROTOCOL-HTTP2.md): checks the request line and
/// headers, finds the method, authenticates, runs the handler under the deadline and ends the
/// call with grpc-status (in trailers, or trailers-only when no message was sent).
/// </summary>
internal sealed class GrpcRequestHandler
{
    private readonly GrpcServiceRegistry _registry;
    private readonly GrpcServerOptions _options;
    private readonly ILogger<GrpcRequestHandler> _logger;
    private readonly GrpcCallRunner _runner;

    public GrpcRequestHandler(
        GrpcServiceRegistry registry,
        IOptions<GrpcServerOptions> options,
        TimeProvider timeProvider,
        ILogger<GrpcRequestHandler> logger,
        IHostApplicationLifetime? lifetime = null,
        GrpcServerMetrics? metrics = null)
    {
        _registry = registry;
        _options = options.Value;
        _logger = logger;
        _runner = new GrpcCallRunner(timeProvider, logger, lifetime?.ApplicationStopping ?? CancellationToken.None, metrics);
    }

    public async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        HttpResponse response = context.Response;
        string path = request.Path.Value ?? string.Empty;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            Refuse(context, StatusCodes.Status426UpgradeRequired, "gRPC needs HTTP/2.");
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "POST";
            Refuse(context, StatusCodes.Status405MethodNotAllowed, "gRPC calls use POST.");
            return;
        }

        // PROTOCOL-HTTP2.md: a non-gRPC content type SHOULD get 415, so plain HTTP clients do not take
        // the 200 of a gRPC error for success.
        if (!GrpcHeaders.IsGrpcProtoContentType(request.ContentType))
        {
            Refuse(context, StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not application/grpc.");
            return;
        }

        response.ContentType = GrpcHeaders.ContentType;
        response.Headers[GrpcHeaders.AcceptEncoding] = GrpcHeaders.SupportedEncodings;
        if (!_registry.TryFind(path, out var method))
        {
            EndTrailersOnly(response, StatusCode.Unimplemented, $"Method {path} is not implemented.");
            return;
        }

        if (!TryReadCallHeaders(request, out TimeSpan? timeout, out bool gzip, out var refusal))
        {
            EndTrailersOnly(response, refusal.Code, refusal.Message);
            return;
        }

        // Streaming calls last longer than Kestrel's body-size and minimum-rate limits assume.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = null;
        }

        bool compressResponses = gzip && _options.CompressResponses
            && GrpcHeaders.ListsEncoding(request.Headers[GrpcHeaders.AcceptEncoding], GrpcHeaders.Gzip);
        if (compressResponses)
        {
            response.Headers[GrpcHeaders.Encoding] = GrpcHeaders.Gzip;
        }

        await _runner.RunAsync(
            context, method, timeout, new RequestMessageReader(request.BodyReader, _options.MaxReceiveMessageSize, gzip),
            new ResponseMessageWriter(response, compressResponses));
    }

    private static bool TryReadCallHeaders(
        HttpRequest request, out TimeSpan? timeout, out bool gzip, out (StatusCode Code, string Message) refusal)
    {
        timeout = null;
        gzip = false;
        refusal = default;
        string? timeoutValue = request.Headers[GrpcHeaders.Timeout];
        if (timeoutValue is not null)
        {
            // grpc-go answers a malformed grpc-timeout with INTERNAL; so do we.
            if (!GrpcTimeout.TryParse(timeoutValue, out var parsed))
            {
                refusal = (StatusCode.Internal, $"Malformed grpc-timeout '{timeoutValue}'.");
                return false;
            }

            timeout = parsed;
        }

        string? encoding = request.Headers[GrpcHeaders.Encoding];
        if (encoding is null || encoding.Equals(GrpcHeaders.Identity, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (encoding.Equals(GrpcHeaders.Gzip, StringComparison.OrdinalIgnoreCase))
        {
            gzip = true;
            return true;
        }

        // doc/compression.md: an unsupported message encoding is UNIMPLEMENTED; grpc-accept-encoding lists ours.
        refusal = (StatusCode.Unimplemented, $"Message encoding '{encoding}' is not supported.");
        return false;
    }

    private void Refuse(HttpContext context, int httpStatus, string reason)
    {
        GrpcServerLog.RequestRefused(_logger, context.Request.Path.Value ?? string.Empty, reason);
        context.Response.StatusCode = httpStatus;
        EndTrailersOnly(context.Response, httpStatus == StatusCodes.Status405MethodNotAllowed ? StatusCode.Unimplemented : StatusCode.Internal, reason);
    }

    /// <summary>Trailers-Only (PROTOCOL-HTTP2.md): the status goes in the only HEADERS frame, which ends the stream.</summary>
    internal static void EndTrailersOnly(HttpResponse response, StatusCode code, string message)
    {
        response.Headers[GrpcHeaders.Status] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[GrpcHeaders.Message] = GrpcMessageEncoding.Encode(message);
    }
}
