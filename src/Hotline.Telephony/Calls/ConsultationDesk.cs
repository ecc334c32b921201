using System.Net;
using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Calls;

/// <summary>
/// The agent desk's consultation commands: finds the agent's connected call and resolves the target (an
/// agent's registered phone, a READY agent of a queue, a department number through the trunk) for the
/// call's <see cref="Consultation"/>. A consulted agent is held ON_CALL by the ACD while it takes part.
/// </summary>
internal sealed class ConsultationDesk(CallCenter center, IDepartmentNumbers departmentNumbers) : IConsultations
{
    private static readonly TimeSpan ConsultRingTimeout = TimeSpan.FromSeconds(30);

    public async Task<CallCenterResult> ConsultAsync(string agentId, string target, CancellationToken cancellationToken)
    {
        target = target.Trim();
        var consulting = await center.InvokeAsync(() => Start(agentId, target)).ConfigureAwait(false);
        return await consulting.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<CallCenterResult> CompleteTransferAsync(string agentId, CancellationToken cancellationToken) =>
        center.InvokeAsync(() => CallOf(agentId, out var refused) is { } call ? call.Consultation.Complete() : refused!);

    public Task<CallCenterResult> CancelConsultAsync(string agentId, CancellationToken cancellationToken) =>
        center.InvokeAsync(() => CallOf(agentId, out var refused) is { } call ? call.Consultation.Cancel() : refused!);

    /// <summary>Loop only.</summary>
    private Task<CallCenterResult> Start(string agentId, string target)
    {
        if (CallOf(agentId, out var noCall) is not { } call)
        {
            return Task.FromResult(noCall!);
        }
        if (call.Consultation.CanStart() is { } refused)
        {
            return Task.FromResult(refused);
        }
        if (target == agentId)
        {
            return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, "an agent cannot consult itself"));
        }
        var acd = center.Acd;
        ConsultTarget? resolved;
        if (acd.FindAgent(target) is not null)
        {
            resolved = AgentTarget(call, agentId, target, target, out refused);
        }
        else if (acd.Queues.FirstOrDefault(q => q.Id == target) is { } queue)
        {
            var free = acd.Agents.Where(a => a.State == AgentState.Ready && a.Id != agentId && a.LevelFor(queue.Skill) > 0)
                .OrderBy(a => a.IdleSince).FirstOrDefault();
            if (free is null)
            {
                return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.Unavailable, $"no agent of queue {target} is READY"));
            }
            resolved = AgentTarget(call, agentId, free.Id, $"{free.Id} ({target})", out refused);
        }
        else if (departmentNumbers.Contains(target))
        {
            resolved = new ConsultTarget(target, null, port => center.DialTrunk(target, port));
            refused = null;
        }
        else
        {
            return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument,
                $"{target} is neither an agent, a queue nor a department number (a department's duty phone or Calls:DepartmentNumbers)"));
        }
        if (resolved is null)
        {
            return Task.FromResult(refused!);
        }
        CallsLog.Consulting(center.Logger, call.Id, agentId, resolved.Label);
        var started = call.Consultation.Start(resolved);
        if (started.IsCompleted && !started.Result.IsDone && resolved.AgentId is not null && !call.Consultation.IsActive)
        {
            // Refused before anything was dialled (no ports): the consulted agent is not kept ON_CALL.
            center.Run(a => a.CallEnded(call.Consultation.ConsultCallId));
        }
        return started;
    }

    /// <summary>Seizes the consulted agent and says how to ring its phone; null with the refusal when it cannot take part.</summary>
    private ConsultTarget? AgentTarget(HotlineCall call, string agentId, string consultedId, string label, out CallCenterResult? refused)
    {
        var links = center.Links;
        var contact = links.Locator.GetContacts(consultedId).LastOrDefault();
        if (contact is null || !SipUri.TryParse(contact.ContactUri, out var uri))
        {
            refused = CallCenterResult.Refuse(CallCenterRefusal.Unavailable, $"agent {consultedId} has not registered a phone");
            return null;
        }
        var queueId = call.QueueId ?? center.Ivr.Menu.DefaultQueue;
        var seized = center.Run(acd => acd.Seize(call.Consultation.ConsultCallId, consultedId, queueId, call.CallerNumber));
        if (seized.IsRefused)
        {
            refused = CallCenterResult.Refuse(CallCenterRefusal.WrongState, seized.Refusal!);
            return null;
        }
        refused = null;
        // The consulted agent's phone shows the colleague who calls.
        return new ConsultTarget(label, consultedId, port => links.Outbound.Start(new OutboundLegRequest(
            uri, contact.ReachVia, agentId, null, $"sip:{consultedId}@{links.Domain}",
            new IPEndPoint(links.Ports.BindAddress, port), ConsultRingTimeout, links.OffersSrtp(contact))));
    }

    private HotlineCall? CallOf(string agentId, out CallCenterResult? refused)
    {
        if (center.CallOf(agentId) is { } call)
        {
            refused = null;
            return call;
        }
        var state = center.Acd.FindAgent(agentId)?.State;
        refused = state is null
            ? CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} has not registered a phone")
            : CallCenterResult.Refuse(CallCenterRefusal.WrongState, $"agent {agentId} has no connected call (it is {AgentStateName(state.Value)})");
        return null;
    }

    private static string AgentStateName(AgentState state) => state switch
    {
        AgentState.Ready => "READY",
        AgentState.NotReady => "NOT_READY",
        AgentState.Ringing => "RINGING",
        AgentState.OnCall => "ON_CALL",
        AgentState.WrapUp => "WRAP_UP",
        _ => "OFFLINE",
    };
}
