using Microsoft.Extensions.Logging;

namespace Hotline.Api.Calls;

/// <summary>Log messages of AgentDesk and Supervision (event ids 4300–4399).</summary>
internal static partial class CallCenterApiLog
{
    [LoggerMessage(4301, LogLevel.Warning, "Call record {CallId} names the recording {Path}, outside the recordings directory {Root}; refused.")]
    public static partial void RecordingOutsideRoot(ILogger logger, string callId, string path, string root);

    [LoggerMessage(4302, LogLevel.Warning, "Call record {CallId} names the recording {Path}, which does not exist or cannot be read.")]
    public static partial void RecordingMissing(ILogger logger, string callId, string path);

    [LoggerMessage(4303, LogLevel.Warning, "The screen pop of call {CallId} goes out without earlier tickets: the ticket search failed.")]
    public static partial void EarlierTicketsFailed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(4304, LogLevel.Information, "Supervisor {SupervisorId} forced agent {AgentId} to {State}: {Reason}")]
    public static partial void AgentStateForced(ILogger logger, string supervisorId, string agentId, Hotline.Api.V1.AgentState state, string reason);
}
