using Google.Protobuf;
using Grpc.Core;
using Hotline.Api.Desks;
using Hotline.Api.Pipeline;
using Hotline.Telephony.Acd.CallRecords;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Calls;

/// <summary>
/// hotline.v1.Supervision: the wallboard (live agents and queues) over <see cref="Telephony.Calls.ICallCenter"/>,
/// and call records and recordings over <see cref="ICallDetailRecordStore"/>. Supervisors only.
/// </summary>
internal sealed class SupervisionService(
    CallCenterPorts ports, RecordingFiles recordings, StreamSlots slots, IOptions<StreamOptions> streams, TimeProvider timeProvider, ILogger<SupervisionService> logger)
    : V1.Supervision.SupervisionBase
{
    /// <summary>64 KiB: well under the 4 MiB message limit, and few enough messages for a long call.</summary>
    private const int ChunkSize = 64 * 1024;

    /// <summary>Call ids are SIP Call-IDs or ids of the edge; longer text is not one.</summary>
    private const int MaxCallIdLength = 256;

    /// <summary>Agent ids are short staff ids; longer text is not one.</summary>
    private const int MaxAgentIdLength = 64;

    /// <summary>As for the agent's own NOT_READY reason.</summary>
    private const int MaxReasonLength = 200;

    public override async Task<V1.ForceAgentStateResponse> ForceAgentState(V1.ForceAgentStateRequest request, ServerCallContext context)
    {
        var supervisor = CallCenterCall.RequireSupervisor(context);
        var agentId = RequireText(request.AgentId, "agent_id", MaxAgentIdLength);
        if (request.State is not (V1.AgentState.NotReady or V1.AgentState.Offline))
        {
            throw RequestFields.Invalid("state", "must be AGENT_STATE_NOT_READY or AGENT_STATE_OFFLINE");
        }
        var reason = $"forced by supervisor {supervisor.Id}: {RequireText(request.Reason, "reason", MaxReasonLength)}";
        // The agent may be registered with another host of the cluster: the command goes to that host's edge.
        var agents = ports.AgentStates;
        var result = request.State == V1.AgentState.NotReady
            ? await agents.SetNotReadyAsync(agentId, reason, context.CancellationToken)
            : await agents.LogOutAsync(agentId, reason, context.CancellationToken);
        CallCenterCall.Ensure(result);
        CallCenterApiLog.AgentStateForced(logger, supervisor.Id, agentId, request.State, reason);
        return new V1.ForceAgentStateResponse();
    }

    public override async Task<V1.ReleaseCallResponse> ReleaseCall(V1.ReleaseCallRequest request, ServerCallContext context)
    {
        var supervisor = CallCenterCall.RequireSupervisor(context);
        var callId = CallId(request.CallId);
        CallCenterCall.Ensure(await ports.SupervisorCalls.ReleaseAsync(callId, supervisor.Id, context.CancellationToken));
        return new V1.ReleaseCallResponse();
    }

    public override async Task<V1.MonitorCallResponse> MonitorCall(V1.MonitorCallRequest request, ServerCallContext context)
    {
        var supervisor = CallCenterCall.RequireSupervisor(context);
        var callId = CallId(request.CallId);
        var extension = request.Extension.Length == 0 ? supervisor.Id : Extension(request.Extension);
        CallCenterCall.Ensure(await ports.SupervisorCalls.MonitorAsync(callId, supervisor.Id, extension, context.CancellationToken));
        return new V1.MonitorCallResponse();
    }

    public override async Task<V1.SetMonitorModeResponse> SetMonitorMode(V1.SetMonitorModeRequest request, ServerCallContext context)
    {
        var supervisor = CallCenterCall.RequireSupervisor(context);
        var callId = CallId(request.CallId);
        var mode = request.Mode switch
        {
            V1.MonitorMode.Listen => Telephony.Calls.MonitorMode.Listen,
            V1.MonitorMode.Whisper => Telephony.Calls.MonitorMode.Whisper,
            V1.MonitorMode.Barge => Telephony.Calls.MonitorMode.Barge,
            _ => throw RequestFields.Invalid("mode", "must be MONITOR_MODE_LISTEN, MONITOR_MODE_WHISPER or MONITOR_MODE_BARGE"),
        };
        CallCenterCall.Ensure(await ports.SupervisorCalls.SetMonitorModeAsync(callId, supervisor.Id, mode, context.CancellationToken));
        return new V1.SetMonitorModeResponse();
    }

    public override async Task<V1.StopMonitorResponse> StopMonitor(V1.StopMonitorRequest request, ServerCallContext context)
    {
        var supervisor = CallCenterCall.RequireSupervisor(context);
        var callId = CallId(request.CallId);
        CallCenterCall.Ensure(await ports.SupervisorCalls.StopMonitorAsync(callId, supervisor.Id, context.CancellationToken));
        return new V1.StopMonitorResponse();
    }

    public override Task<V1.ListAgentsResponse> ListAgents(V1.ListAgentsRequest request, ServerCallContext context)
    {
        CallCenterCall.RequireSupervisor(context);
        var response = new V1.ListAgentsResponse();
        response.Agents.AddRange(ports.CallCenter.ListAgents()
            .OrderBy(agent => agent.AgentId, StringComparer.Ordinal)
            .Select(CallCenterMessages.ToMessage));
        return Task.FromResult(response);
    }

    public override Task<V1.ListQueuesResponse> ListQueues(V1.ListQueuesRequest request, ServerCallContext context)
    {
        CallCenterCall.RequireSupervisor(context);
        var response = new V1.ListQueuesResponse();
        response.Queues.AddRange(ports.CallCenter.ListQueues()
            .OrderBy(queue => queue.QueueId, StringComparer.Ordinal)
            .Select(CallCenterMessages.ToMessage));
        return Task.FromResult(response);
    }

    public override async Task<V1.GetReportResponse> GetReport(V1.GetReportRequest request, ServerCallContext context)
    {
        CallCenterCall.RequireSupervisor(context);
        Contracts.Reports.ReportSheet sheet;
        try
        {
            sheet = await ports.Reports.GetReportAsync(
                new Contracts.Reports.ReportSheetRequest(request.Period, request.Date, request.From, request.To, request.Breakdown), context.CancellationToken);
        }
        catch (ArgumentException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, error.Message));
        }

        return ReportMessages.ToMessage(sheet);
    }

    public override Task<V1.ListScheduledJobsResponse> ListScheduledJobs(V1.ListScheduledJobsRequest request, ServerCallContext context)
    {
        CallCenterCall.RequireSupervisor(context);
        return Scheduling.ScheduledJobCalls.ListAsync(ports.ScheduledJobs, request, context.CancellationToken);
    }

    public override Task<V1.ScheduledJob> RescheduleJob(V1.RescheduleJobRequest request, ServerCallContext context) =>
        Scheduling.ScheduledJobCalls.RescheduleAsync(ports.ScheduledJobs, CallCenterCall.RequireSupervisor(context), request, context.CancellationToken);

    public override Task<V1.CancelJobResponse> CancelJob(V1.CancelJobRequest request, ServerCallContext context) =>
        Scheduling.ScheduledJobCalls.CancelAsync(ports.ScheduledJobs, CallCenterCall.RequireSupervisor(context), request, context.CancellationToken);

    public override Task WatchDeadlineAlarms(V1.WatchDeadlineAlarmsRequest request, IServerStreamWriter<V1.TicketEvent> responseStream, ServerCallContext context)
    {
        var supervisor = CallCenterCall.RequireSupervisor(context);
        return Scheduling.DeadlineAlarmStream.WatchAsync(
            ports.TicketFeed, slots, streams.Value.SlowConsumerTimeout, timeProvider, supervisor, request, responseStream, context);
    }

    public override async Task<V1.ListCallsResponse> ListCalls(V1.ListCallsRequest request, ServerCallContext context)
    {
        CallCenterCall.RequireSupervisor(context);
        var query = CallListQuery.Parse(request);
        var store = ports.CallRecords;
        CallRecordPage page;
        try
        {
            page = await store.ListAsync(query.From, query.To, query.PageSize, query.PageToken, context.CancellationToken);
        }
        catch (Exception refused) when (query.PageToken is not null && refused is ArgumentException or FormatException or OverflowException)
        {
            // The window and page size were checked above, so a store refusing its arguments refuses the token:
            // the SQL store throws ArgumentException("pageToken"), the in-memory default parses a number.
            throw CallListQuery.BadPageToken();
        }

        var response = new V1.ListCallsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Calls.AddRange(page.Records.Select(CallRecordMessages.ToMessage));
        return response;
    }

    public override async Task GetRecording(V1.GetRecordingRequest request, IServerStreamWriter<V1.RecordingChunk> responseStream, ServerCallContext context)
    {
        CallCenterCall.RequireSupervisor(context);
        var callId = CallId(request.CallId);
        var record = await ports.CallRecords.FindAsync(callId, context.CancellationToken);
        if (record?.RecordingPath is not { Length: > 0 } path)
        {
            throw RecordingFiles.NotFound(callId);
        }

        await using var file = recordings.Open(callId, path);
        var first = new V1.RecordingChunk
        {
            ContentType = path.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? "audio/wav" : "application/octet-stream",
            TotalSize = file.Length,
        };
        var buffer = new byte[ChunkSize];
        var chunk = first;
        int read;
        do
        {
            read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, context.CancellationToken);
            // The first chunk goes out even for an empty file: it carries the content type and size.
            if (read > 0 || chunk == first)
            {
                chunk.Data = ByteString.CopyFrom(buffer, 0, read);
                await responseStream.WriteAsync(chunk, context.CancellationToken);
            }

            chunk = new V1.RecordingChunk();
        }
        while (read == buffer.Length);
    }

    private static string CallId(string value)
    {
        if (value.Length == 0)
        {
            throw Desks.RequestFields.Invalid("call_id", "is required");
        }

        return value.Length <= MaxCallIdLength && value.All(c => c is >= '!' and <= '~')
            ? value
            : throw Desks.RequestFields.Invalid("call_id", $"must be 1–{MaxCallIdLength} printable ASCII characters");
    }

    /// <summary>An extension is an agent id: the user part of a registered phone's address.</summary>
    private static string Extension(string value) =>
        value.Length <= MaxAgentIdLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : throw RequestFields.Invalid("extension", $"must be 1–{MaxAgentIdLength} letters, digits, '-', '_' or '.'");

    private static string RequireText(string value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw RequestFields.Invalid(field, "is required");
        }

        if (value.Length > maxLength || value.Any(char.IsControl))
        {
            throw RequestFields.Invalid(field, $"must be at most {maxLength} characters without control characters");
        }

        return value.Trim();
    }
}
