using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Edge;

internal static partial class SipEdgeLog
{
    [LoggerMessage(4001, LogLevel.Warning, "Refused INVITE from {Source} to {Target}: {Reason}")]
    public static partial void CallRefused(ILogger logger, string source, string target, string reason);

    [LoggerMessage(4002, LogLevel.Debug, "{Method} answered {Status}")]
    public static partial void Answered(ILogger logger, string method, int status);
}
