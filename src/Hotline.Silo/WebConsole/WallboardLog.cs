namespace Hotline.Silo.WebConsole;

internal static partial class WallboardLog
{
    /// <summary>Information, not a warning: a host starting or stopping, or the grain moving, passes through this.</summary>
    [LoggerMessage(EventId = 11001, Level = LogLevel.Information, Message = "Wallboard exchange with the cluster failed; retrying")]
    public static partial void ExchangeFailed(ILogger logger, Exception exception);
}
