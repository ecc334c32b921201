using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Calls;

internal static partial class CallsLog
{
    [LoggerMessage(7001, LogLevel.Error, "Call center work item failed")]
    public static partial void WorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(7002, LogLevel.Error, "Agent {AgentId} state {State} could not be kept")]
    public static partial void StateNotKept(ILogger logger, string agentId, string state, Exception exception);

    [LoggerMessage(7003, LogLevel.Error, "Call record {CallId} could not be saved")]
    public static partial void RecordNotSaved(ILogger logger, string callId, Exception exception);

    [LoggerMessage(7004, LogLevel.Error, "Callback request {CallId} could not be saved")]
    public static partial void CallbackNotSaved(ILogger logger, string callId, Exception exception);

    [LoggerMessage(7005, LogLevel.Debug, "ACD refused: {Reason}")]
    public static partial void AcdRefused(ILogger logger, string reason);

    [LoggerMessage(7006, LogLevel.Warning, "Call {CallId}: queue {QueueId} does not exist")]
    public static partial void QueueMissing(ILogger logger, string callId, string queueId);

    [LoggerMessage(7007, LogLevel.Warning, "Agent directory lookup for {AgentId} failed; joining with default skills")]
    public static partial void DirectoryFailed(ILogger logger, string agentId, Exception exception);

    [LoggerMessage(7008, LogLevel.Error, "Call {CallId}: recording to {Path} could not start")]
    public static partial void RecordingFailed(ILogger logger, string callId, string path, Exception exception);

    [LoggerMessage(7009, LogLevel.Warning, "Stopping with {Count} call records still being written")]
    public static partial void ShutdownIncomplete(ILogger logger, int count);

    [LoggerMessage(7010, LogLevel.Information, "Queued callback {CallId} to {Number}: {Outcome}")]
    public static partial void CallbackPlaced(ILogger logger, string callId, string number, string outcome);

    [LoggerMessage(7011, LogLevel.Information, "Callback {CallId} to {Number} is not dialled automatically ({Reason}); kept for an agent")]
    public static partial void CallbackFlagged(ILogger logger, string callId, string number, string reason);

    [LoggerMessage(7012, LogLevel.Information, "Call {CallId}: agent {AgentId}'s phone set hold {Hold}")]
    public static partial void PhoneHold(ILogger logger, string callId, string agentId, bool hold);

    [LoggerMessage(7013, LogLevel.Information, "Call {CallId} released: {Reason}")]
    public static partial void Released(ILogger logger, string callId, string reason);

    [LoggerMessage(7030, LogLevel.Information, "Agent {AgentId} placed call {CallId} to {Number}")]
    public static partial void AgentPlacedCall(ILogger logger, string agentId, string callId, string number);

    [LoggerMessage(7031, LogLevel.Warning, "Agent {AgentId} may not dial {Number}: {Reason}")]
    public static partial void AgentDialRefused(ILogger logger, string agentId, string number, string reason);

    [LoggerMessage(7032, LogLevel.Information, "Call {CallId}: agent {AgentId} consults {Target}")]
    public static partial void Consulting(ILogger logger, string callId, string agentId, string target);

    [LoggerMessage(7033, LogLevel.Information, "Call {CallId}: the consulted party hung up ({Reason})")]
    public static partial void ConsultedLeft(ILogger logger, string callId, string reason);
    [LoggerMessage(7014, LogLevel.Information, "{Number} called in again (call {CallId}): {Count} pending callback requests cancelled")]
    public static partial void CallbacksCancelled(ILogger logger, string number, int count, string callId);
}
