using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.B2bua;

internal static partial class B2buaLog
{
    [LoggerMessage(5001, LogLevel.Information, "Call {CallId} from {Caller} to {Number} answered with {Codec}")]
    public static partial void Answered(ILogger logger, string callId, string caller, string number, string codec);

    [LoggerMessage(5002, LogLevel.Information, "Call {CallId} ended: {Reason}")]
    public static partial void Ended(ILogger logger, string callId, string reason);

    [LoggerMessage(5003, LogLevel.Warning, "Call {CallId} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string callId, string reason);
}
