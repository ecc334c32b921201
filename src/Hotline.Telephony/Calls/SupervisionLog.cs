using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Calls;

/// <summary>Supervisors on calls: who monitored which call, how, and when it ended.</summary>
internal static partial class SupervisionLog
{
    [LoggerMessage(7401, LogLevel.Information, "Call {CallId}: supervisor {SupervisorId} monitors from phone {Extension}")]
    public static partial void MonitorRequested(ILogger logger, string callId, string supervisorId, string extension);

    [LoggerMessage(7402, LogLevel.Information, "Call {CallId}: supervisor {SupervisorId} switched to {Mode}")]
    public static partial void ModeChanged(ILogger logger, string callId, string supervisorId, MonitorMode mode);

    [LoggerMessage(7403, LogLevel.Information, "Call {CallId}: monitoring by supervisor {SupervisorId} ended ({Reason})")]
    public static partial void MonitorEnded(ILogger logger, string callId, string supervisorId, string reason);
}
