namespace Hotline.Silo.Hosting;

internal static partial class HostLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Hotline listening: HTTP on {HttpBind}:{HttpPort}, gRPC ({GrpcScheme}) on {GrpcBind}:{GrpcPort}, data in {DataDir}")]
    public static partial void Listening(ILogger logger, string httpBind, int httpPort, string grpcScheme, string grpcBind, int grpcPort, string dataDir);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Loaded the demo organisation: {Count} departments")]
    public static partial void DemoLoaded(ILogger logger, int count);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "No storage is composed; the demo organisation was not loaded")]
    public static partial void DemoSkippedNoStorage(ILogger logger);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Shutting down: draining in-flight calls (up to {Timeout})")]
    public static partial void ShuttingDown(ILogger logger, TimeSpan timeout);
}
