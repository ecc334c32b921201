using System.Net;
using Hotline.Contracts.Agents;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Microsoft.Extensions.Options;

namespace Hotline.Telephony.Calls;

/// <summary>
/// INVITEs from an authenticated agent's phone to anything but the hotline: another agent's extension (its
/// registered phone is rung; 480 when it has none, 486 while it rings or talks) or an outside number (only
/// what Calls:AgentDialPatterns allows reaches the trunk, with the hotline's number; 403 otherwise). The
/// phone is answered, then the callee dialled (<see cref="AgentOriginatedCall"/>).
/// </summary>
internal sealed class AgentInvites(CallCenter center, AgentCallPlacer placer, IAgentCredentialStore credentials, IOptions<IvrOptions> ivr)
{
    private static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(45);

    /// <summary>Null when the call is admitted (the transaction then belongs to the call); otherwise the final status and reason.</summary>
    public async ValueTask<(int Status, string Reason)?> TryAcceptAsync(string agentId, string target, ISipServerTransaction invite, InboundCallService calls)
    {
        // An extension that names an agent is never an outside number, even while its phone is away.
        var isAgent = target != agentId && await credentials.FindAsync(target, CancellationToken.None).ConfigureAwait(false) is not null;
        var plan = await center.InvokeAsync(() => Admit(agentId, target, isAgent)).ConfigureAwait(false);
        if (plan.Refusal is { } refusal)
        {
            return refusal;
        }
        calls.Accept(invite, phone => center.Post(() =>
        {
            var call = new AgentOriginatedCall(center, phone, plan.CallId!, agentId, target, plan.CalleeAgent);
            call.Start(plan.Dial!);
        }));
        // Refused by the call service (no SDP, no ports): the seized agents are released at once.
        if (calls.Find(invite.Request.CallId) is null)
        {
            center.Post(() => Release(plan));
        }
        return null;
    }

    private void Release(Admission plan)
    {
        center.Run(acd => acd.CallEnded(plan.CallId!));
        if (plan.CalleeAgent is not null)
        {
            center.Run(acd => acd.CallEnded(plan.CallId + "/callee"));
        }
    }

    /// <summary>Loop only: decides and seizes the agents, or says why not.</summary>
    private Admission Admit(string agentId, string target, bool isAgent)
    {
        var acd = center.Acd;
        var queueId = ivr.Value.Menu.DefaultQueue;
        var callId = center.NewCallId();
        if (isAgent || target == agentId)
        {
            var callee = acd.FindAgent(target);
            var contact = center.Links.Locator.GetContacts(target).LastOrDefault();
            if (target == agentId || callee is null || contact is null || !SipUri.TryParse(contact.ContactUri, out var uri))
            {
                return Refuse(480, "Agent Not Registered");
            }
            if (callee.State is AgentState.Ringing or AgentState.OnCall)
            {
                return Refuse(486, "Busy Here");
            }
            if (acd.FindAgent(agentId) is null)
            {
                return NotRegistered();
            }
            if (!Seize(callId, agentId, queueId, target) || !Seize(callId + "/callee", target, queueId, agentId))
            {
                center.Run(a => a.CallEnded(callId));
                return Refuse(486, "Busy Here");
            }
            var links = center.Links;
            return new Admission(null, callId, target, port => links.Outbound.Start(new OutboundLegRequest(
                uri, contact.ReachVia, agentId, null, $"sip:{target}@{links.Domain}",
                new IPEndPoint(links.Ports.BindAddress, port), RingTimeout, links.OffersSrtp(contact))));
        }
        if (target.Length > 0 && target.All(char.IsAsciiDigit))
        {
            if (placer.Plan.Refusal(target) is { } refusal)
            {
                CallsLog.AgentDialRefused(center.Logger, agentId, target, refusal);
                return Refuse(403, "Number Not Permitted");
            }
            if (!placer.Trunk.HasTrunk)
            {
                return Refuse(503, "No Trunk For Outbound Calls");
            }
            if (acd.FindAgent(agentId) is null)
            {
                return NotRegistered();
            }
            if (!Seize(callId, agentId, queueId, target))
            {
                return Refuse(486, "Busy Here");
            }
            return new Admission(null, callId, null, port => placer.Trunk.Dial(target, port));
        }
        return Refuse(404, "Not Found");
    }

    private bool Seize(string callId, string agentId, string queueId, string number) =>
        !center.Run(acd => acd.Seize(callId, agentId, queueId, number)).IsRefused;

    /// <summary>The ACD holds the caller ON_CALL, so it must know the agent: only agents whose phone registered place calls.</summary>
    private static Admission NotRegistered() => Refuse(403, "Register Before Calling");

    private static Admission Refuse(int status, string reason) => new((status, reason), null, null, null);

    private sealed record Admission((int Status, string Reason)? Refusal, string? CallId, string? CalleeAgent, Func<int, OutboundLeg?>? Dial);
}
