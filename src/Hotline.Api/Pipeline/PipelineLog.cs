using Microsoft.Extensions.Logging;

namespace Hotline.Api.Pipeline;

/// <summary>Log messages of the gRPC pipeline (event ids 4100–4199).</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(4101, LogLevel.Error, "gRPC handler of {Method} failed; the client gets INTERNAL.")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(4105, LogLevel.Warning, "gRPC {Method}: storage unavailable, the client gets UNAVAILABLE: {Reason}")]
    public static partial void StorageUnavailable(ILogger logger, string method, string reason);

    [LoggerMessage(4106, LogLevel.Debug, "gRPC {Method}: the request message could not be read: {Reason}")]
    public static partial void UnreadableRequest(ILogger logger, string method, string reason);

    [LoggerMessage(4104, LogLevel.Information, "gRPC request refused before dispatch: {Path} {Reason}")]
    public static partial void RequestRefused(ILogger logger, string path, string reason);
}
