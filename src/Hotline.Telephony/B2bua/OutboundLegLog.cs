using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.B2bua;

/// <summary>Log events of the outgoing legs (UAC side of the B2BUA).</summary>
internal static partial class OutboundLegLog
{
    [LoggerMessage(5101, LogLevel.Debug, "Leg {CallId}: INVITE to {Target} via {Destination}")]
    public static partial void Started(ILogger logger, string callId, string target, string destination);

    [LoggerMessage(5102, LogLevel.Information, "Leg {CallId} answered: RTP to {RemoteRtp}, payload type {PayloadType}")]
    public static partial void Answered(ILogger logger, string callId, string remoteRtp, byte payloadType);

    [LoggerMessage(5103, LogLevel.Information, "Leg {CallId} not answered: {Outcome} {Status} {Reason}")]
    public static partial void NotAnswered(ILogger logger, string callId, OutboundLegOutcome outcome, int status, string reason);

    [LoggerMessage(5104, LogLevel.Information, "Leg {CallId} ended: {Reason}")]
    public static partial void Ended(ILogger logger, string callId, string reason);

    [LoggerMessage(5105, LogLevel.Debug, "Leg {CallId}: ring timeout, cancelling")]
    public static partial void RingTimeout(ILogger logger, string callId);

    [LoggerMessage(5106, LogLevel.Error, "Leg {CallId}: {Handler} handler failed")]
    public static partial void HandlerFailed(ILogger logger, string callId, string handler, Exception exception);

    [LoggerMessage(5107, LogLevel.Debug, "Leg {CallId}: {Method} answered {Status}")]
    public static partial void InDialog(ILogger logger, string callId, string method, int status);

    [LoggerMessage(5108, LogLevel.Debug, "Leg {CallId}: {Method} ended {Status}")]
    public static partial void RequestDone(ILogger logger, string callId, string method, int status);

    [LoggerMessage(5109, LogLevel.Information, "Phone {Target} refused the last SRTP offer: offering plain RTP")]
    public static partial void PlainMediaAfterRefusal(ILogger logger, string target);
}
