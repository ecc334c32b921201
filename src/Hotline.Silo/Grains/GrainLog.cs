namespace Hotline.Silo.Grains;

internal static partial class GrainLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Activated {Grain}")]
    public static partial void Activated(ILogger logger, GrainId grain);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Activation of {Grain} failed; the next call retries")]
    public static partial void ActivationFailed(ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Deactivated {Grain}")]
    public static partial void Deactivated(ILogger logger, GrainId grain);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Deactivation of {Grain} failed")]
    public static partial void DeactivationFailed(ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Grain runtime stopped; {Count} activations deactivated")]
    public static partial void Stopped(ILogger logger, int count);
}
