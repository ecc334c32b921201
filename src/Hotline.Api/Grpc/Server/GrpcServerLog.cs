using Microsoft.Extensions.Logging;

namespace Hotline.Api.Grpc.Server;

/// <summary>Log messages of the gRPC server layer (event ids 4100–4199).</summary>
internal static partial class GrpcServerLog
{
    [LoggerMessage(4101, LogLevel.Error, "gRPC handler of {Method} failed; the client gets INTERNAL.")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(4102, LogLevel.Debug, "gRPC call {Method} ended with {Status}: {Message}")]
    public static partial void CallFailed(ILogger logger, string method, StatusCode status, string message);

    [LoggerMessage(4103, LogLevel.Debug, "gRPC call {Method} was cancelled by the client.")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(4104, LogLevel.Information, "gRPC request refused before dispatch: {Path} {Reason}")]
    public static partial void RequestRefused(ILogger logger, string path, string reason);
}
