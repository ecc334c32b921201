using Grpc.Core;
using Hotline.Api.Desks;
using Hotline.Api.Pipeline;
using Hotline.Contracts.Agents;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.Logging;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Calls;

/// <summary>
/// hotline.v1.AgentDesk: the agent's own state, screen pop and call control, a thin adapter over
/// <see cref="ICallCenter"/>. The agent acted on is always the caller's staff id, so an agent can never
/// steer another agent's phone.
/// </summary>
internal sealed class AgentDeskService(CallCenterPorts ports, ITicketQueries tickets, ILogger<AgentDeskService> logger) : V1.AgentDesk.AgentDeskBase
{
    /// <summary>The screen pop shows the caller's latest tickets; older ones are a search away on HotlineDesk.</summary>
    private const int EarlierTicketCount = 10;

    /// <summary>Long enough for any break reason an agent types; longer text is a client bug.</summary>
    private const int MaxReasonLength = 200;

    /// <summary>Agent ids and department numbers are short; the bound keeps junk away from the call center.</summary>
    private const int MaxTargetLength = 64;

    public override async Task<V1.TransferResponse> Transfer(V1.TransferRequest request, ServerCallContext context)
    {
        var agent = CallCenterCall.RequireAgent(context);
        var target = RequireText(request.Target, "target", MaxTargetLength);
        CallCenterCall.Ensure(await ports.CallCenter.TransferAsync(agent.Id, target, request.Attended, context.CancellationToken));
        return new V1.TransferResponse();
    }

    public override async Task<V1.HoldResponse> Hold(V1.HoldRequest request, ServerCallContext context)
    {
        var agent = CallCenterCall.RequireAgent(context);
        CallCenterCall.Ensure(await ports.CallCenter.HoldAsync(agent.Id, request.Hold, context.CancellationToken));
        return new V1.HoldResponse();
    }

    public override async Task<V1.EndWrapUpResponse> EndWrapUp(V1.EndWrapUpRequest request, ServerCallContext context)
    {
        var agent = CallCenterCall.RequireAgent(context);
        CallCenterCall.Ensure(await ports.CallCenter.EndWrapUpAsync(agent.Id, context.CancellationToken));
        return new V1.EndWrapUpResponse();
    }

    public override async Task<V1.AddPartyResponse> AddParty(V1.AddPartyRequest request, ServerCallContext context)
    {
        var agent = CallCenterCall.RequireAgent(context);
        var number = RequireText(request.Number, "number", MaxTargetLength).Trim();
        CallCenterCall.Ensure(await ports.ThreePartyCalls.AddThirdPartyAsync(agent.Id, number, context.CancellationToken));
        return new V1.AddPartyResponse();
    }

    public override async Task<V1.LeavePartyResponse> LeaveParty(V1.LeavePartyRequest request, ServerCallContext context)
    {
        var agent = CallCenterCall.RequireAgent(context);
        CallCenterCall.Ensure(await ports.ThreePartyCalls.LeaveThreePartyAsync(agent.Id, context.CancellationToken));
        return new V1.LeavePartyResponse();
    }

    public override async Task<V1.PlaceCallResponse> PlaceCall(V1.PlaceCallRequest request, ServerCallContext context)
    {
        var agent = CallCenterCall.RequireAgent(context);
        var number = RequireText(request.Number, "number", MaxTargetLength).Trim();
        if (number.Length is < 3 or > 20 || !number.All(char.IsAsciiDigit))
        {
            throw RequestFields.Invalid("number", "must be 3 to 20 digits");
        }
        var placed = await ports.AgentCalls.PlaceCallAsync(agent.Id, number, context.CancellationToken);
        CallCenterCall.Ensure(placed);
        return new V1.PlaceCallResponse { CallId = placed.Detail ?? string.Empty };
    }

    public override async Task<V1.ConsultResponse> Consult(V1.ConsultRequest request, ServerCallContext context)
    {
        var agent = CallCenterCall.RequireAgent(context);
        var target = RequireText(request.Target, "target", MaxTargetLength).Trim();
        CallCenterCall.Ensure(await ports.Consultations.ConsultAsync(agent.Id, target, context.CancellationToken));
        return new V1.ConsultResponse();
    }

    public override async Task<V1.CompleteTransferResponse> CompleteTransfer(V1.CompleteTransferRequest request, ServerCallContext context)
    {
        var agent = CallCenterCall.RequireAgent(context);
        CallCenterCall.Ensure(await ports.Consultations.CompleteTransferAsync(agent.Id, context.CancellationToken));
        return new V1.CompleteTransferResponse();
    }

    public override async Task<V1.CancelConsultResponse> CancelConsult(V1.CancelConsultRequest request, ServerCallContext context)
    {
        var agent = CallCenterCall.RequireAgent(context);
        CallCenterCall.Ensure(await ports.Consultations.CancelConsultAsync(agent.Id, context.CancellationToken));
        return new V1.CancelConsultResponse();
    }

    public override async Task<V1.SetStateResponse> SetState(V1.SetStateRequest request, ServerCallContext context)
    {
        var agent = CallCenterCall.RequireAgent(context);
        // Every field is checked before the call center is looked up, so bad requests read the same with or without telephony.
        var reason = request.State switch
        {
            V1.AgentState.Ready => null,
            V1.AgentState.NotReady => RequireText(request.Reason, "reason", MaxReasonLength, " for AGENT_STATE_NOT_READY"),
            _ => throw RequestFields.Invalid("state", "must be AGENT_STATE_READY or AGENT_STATE_NOT_READY"),
        };
        var callCenter = ports.CallCenter;
        var result = reason is null
            ? await callCenter.SetReadyAsync(agent.Id, context.CancellationToken)
            : await callCenter.SetNotReadyAsync(agent.Id, reason, context.CancellationToken);
        CallCenterCall.Ensure(result);
        return new V1.SetStateResponse();
    }

    /// <summary>
    /// Relays the agent's call notices until the client leaves or the host stops; the stream then ends OK
    /// (the client reconnects and sees the next call). Ringing and answered notices carry the caller's
    /// earlier tickets, found by the full number: the agent is staff, so nothing is masked.
    /// </summary>
    public override async Task WatchCalls(V1.WatchCallsRequest request, IServerStreamWriter<V1.AgentCallEvent> responseStream, ServerCallContext context)
    {
        var agent = CallCenterCall.RequireAgent(context);
        var callCenter = ports.CallCenter;
        var stopping = context.ServerStopping();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stopping);
        try
        {
            await foreach (var notice in callCenter.WatchCallsAsync(agent.Id, watching.Token).WithCancellation(watching.Token))
            {
                var message = CallCenterMessages.ToMessage(notice);
                if (notice.Phase is AgentCallPhase.Ringing or AgentCallPhase.Answered)
                {
                    message.EarlierTickets.AddRange(await EarlierTicketsAsync(agent, notice, watching.Token));
                }

                await responseStream.WriteAsync(message, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // Host shutdown: end the stream cleanly so draining is not held up.
        }
    }

    /// <summary>
    /// The caller's tickets, newest first. A failed search must not cost the agent the call notice itself,
    /// so it is logged and the notice goes out without them.
    /// </summary>
    private async Task<IEnumerable<V1.TicketSummary>> EarlierTicketsAsync(Caller agent, AgentCallNotice notice, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(notice.CallerNumber))
        {
            return [];
        }

        try
        {
            var page = await tickets.SearchAsync(
                agent, new TicketSearch(CallerPhone: notice.CallerNumber, PageSize: EarlierTicketCount), cancellationToken);
            return page.Tickets.Take(EarlierTicketCount).Select(CallCenterMessages.ToSummary);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            CallCenterApiLog.EarlierTicketsFailed(logger, notice.CallId, exception);
            return [];
        }
    }

    private static string RequireText(string value, string field, int maxLength, string when = "")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw RequestFields.Invalid(field, "is required" + when);
        }

        if (value.Length > maxLength || value.Any(char.IsControl))
        {
            throw RequestFields.Invalid(field, $"must be at most {maxLength} characters without control characters");
        }

        return value;
    }
}
