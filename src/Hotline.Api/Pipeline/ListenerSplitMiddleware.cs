using System.Globalization;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Pipeline;

/// <summary>
/// Runs after routing. Keeps gRPC on the gRPC listener and HTTP pages (with the services' HTTP/JSON
/// bindings) on the HTTP listener whatever path a request names; on the gRPC listener answers what the library lets pass or answers otherwise than
/// README's status table (a non-POST request; a malformed grpc-timeout, which the library would ignore, is
/// INTERNAL as in grpc-go; a message encoding it does not know is UNIMPLEMENTED before any message is read;
/// a request message it could not read, UNKNOWN from the library, is INTERNAL, or INVALID_ARGUMENT when
/// its text was not UTF-8); and counts every call by method and final status, including those the library
/// ends before any interceptor runs.
/// </summary>
internal sealed class ListenerSplitMiddleware(
    RequestDelegate next,
    Func<HttpContext, bool> isGrpcListener,
    GrpcServerMetrics metrics,
    TimeProvider timeProvider,
    IOptions<GrpcServiceOptions> grpcOptions,
    ILogger<ListenerSplitMiddleware> logger)
{
    /// <summary>Where Grpc.AspNetCore logs a call it failed (see <see cref="LogLibraryFailure"/>).</summary>
    public const string LibraryCallLogCategory = "Grpc.AspNetCore.Server.ServerCallHandler";

    private static readonly string UnknownStatus = ((int)StatusCode.Unknown).ToString(CultureInfo.InvariantCulture);

    private readonly string[] _encodings = [.. grpcOptions.Value.CompressionProviders.Select(p => p.EncodingName).Prepend("identity")];

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        // A service's HTTP/JSON bindings (JSON transcoding) are endpoints of the same service, for the HTTP listener.
        bool grpcEndpoint = endpoint?.Metadata.GetMetadata<GrpcListenerEndpoint>() is not null
            && endpoint.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is null;
        if (!isGrpcListener(context))
        {
            if (grpcEndpoint)
            {
                context.SetEndpoint(null);
            }

            return next(context);
        }

        if (!grpcEndpoint)
        {
            context.SetEndpoint(null);
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
            return Refuse(context, StatusCode.Unimplemented, "gRPC calls use POST.");
        }

        string? timeout = context.Request.Headers["grpc-timeout"];
        if (timeout is not null && !GrpcTimeout.IsWellFormed(timeout))
        {
            context.Response.ContentType = "application/grpc";
            return Refuse(context, StatusCode.Internal, $"Malformed grpc-timeout '{timeout}'.");
        }

        string? encoding = context.Request.Headers["grpc-encoding"];
        if (encoding is not null && !_encodings.Contains(encoding, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-accept-encoding"] = string.Join(",", _encodings);
            return Refuse(context, StatusCode.Unimplemented, $"Message encoding '{encoding}' is not supported.");
        }

        return endpoint?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } method
            ? CallAsync(context, method.Method.FullName)
            : next(context);
    }

    private async Task CallAsync(HttpContext context, string method)
    {
        long started = timeProvider.GetTimestamp();
        try
        {
            await next(context);
            LogLibraryFailure(context, method);
            Unreadable(context);
        }
        finally
        {
            metrics.CallCompleted(method, FinalStatus(context), timeProvider.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// The library's own error log (category <see cref="LibraryCallLogCategory"/>) is switched off, as it writes a
    /// stack trace at Error for every request a client made unreadable: anyone could fill the disk with it. The
    /// failure is logged here instead: a request the client got wrong (not protobuf, not UTF-8, corrupt gzip) at
    /// Debug without the trace, anything else (a server fault outside the methods) at Error.
    /// </summary>
    private void LogLibraryFailure(HttpContext context, string method)
    {
        if (context.Features.Get<IServerCallContextFeature>()?.ServerCallContext.Status.DebugException is not { } cause)
        {
            return;
        }

        if (cause is InvalidProtocolBufferException or InvalidDataException || cause.InnerException is InvalidDataException)
        {
            PipelineLog.UnreadableRequest(logger, method, cause.Message);
        }
        else
        {
            PipelineLog.HandlerFailed(logger, method, cause);
        }
    }

    /// <summary>
    /// Every failure inside a method leaves the status interceptor as a precise status, so UNKNOWN comes only
    /// from the library failing to read the request (a bad frame, corrupt gzip, bytes that are no message).
    /// While still trailers-only and unsent it becomes INTERNAL, or INVALID_ARGUMENT for text that is not
    /// UTF-8: Google.Protobuf refuses it while parsing, and it is the client's data, not its framing, at fault.
    /// </summary>
    private static void Unreadable(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (context.Response.HasStarted || headers["grpc-status"] != UnknownStatus)
        {
            return;
        }

        var cause = context.Features.Get<IServerCallContextFeature>()?.ServerCallContext.Status.DebugException;
        var (code, message) = cause is InvalidProtocolBufferException && cause.Message.Contains("UTF-8", StringComparison.Ordinal)
            ? (StatusCode.InvalidArgument, "A text field of the request is not valid UTF-8.")
            : (StatusCode.Internal, "The request message could not be read.");
        headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        headers["grpc-message"] = PercentEncode(message);
    }

    /// <summary>grpc-status from the trailers, or from the headers of a trailers-only answer; none when the client left.</summary>
    private static StatusCode FinalStatus(HttpContext context)
    {
        string? status = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers["grpc-status"];
        if (string.IsNullOrEmpty(status))
        {
            status = context.Response.Headers["grpc-status"];
        }

        return int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out int code)
            ? (StatusCode)code
            : context.RequestAborted.IsCancellationRequested ? StatusCode.Cancelled : StatusCode.Unknown;
    }

    /// <summary>Trailers-Only (PROTOCOL-HTTP2.md): the status goes in the only HEADERS frame, which ends the stream.</summary>
    private Task Refuse(HttpContext context, StatusCode code, string message)
    {
        PipelineLog.RequestRefused(logger, context.Request.Path.Value ?? "", message);
        context.Response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = PercentEncode(message);
        return Task.CompletedTask;
    }

    /// <summary>grpc-message is percent-encoded UTF-8: bytes outside 0x20–0x7E and '%' itself become %XX, nothing else.</summary>
    private static string PercentEncode(string message)
    {
        var encoded = new System.Text.StringBuilder();
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(message))
        {
            _ = b is >= 0x20 and <= 0x7E && b != (byte)'%'
                ? encoded.Append((char)b)
                : encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return encoded.ToString();
    }
}
