using System.Globalization;
using System.Net;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Sip;
using Hotline.Telephony.Sip.Syntax;
using Microsoft.Extensions.Options;

namespace Hotline.Telephony.Calls;

/// <summary>
/// Places an agent's own call (AgentDesk.PlaceCall): the toll-fraud rules first, then the agent's phone is
/// rung (the ACD has the agent ON_CALL from that moment, so no queue offers it a call meanwhile), then the
/// citizen through the trunk with the hotline's number; once both answered the call is a
/// <see cref="HotlineCall"/> like any other (hold, transfer, consultation, recording, record).
/// </summary>
internal sealed class AgentCallPlacer : IAgentCalls
{
    private static readonly TimeSpan AgentRingTimeout = TimeSpan.FromSeconds(30);

    private readonly CallCenter _center;
    private readonly AgentDialPlan _plan;
    private readonly TrunkDialer _trunk;
    private readonly string _queueId;

    public AgentCallPlacer(CallCenter center, IOptions<CallCenterOptions> options, IOptions<SipOptions> sip, IOptions<IvrOptions> ivr)
    {
        _center = center;
        _plan = new AgentDialPlan(options.Value.EffectiveAgentDialPatterns());
        _trunk = new TrunkDialer(sip.Value, () => center.Links);
        _queueId = ivr.Value.Menu.DefaultQueue;
    }

    /// <summary>The rules every number an agent dials out passes (also used by consultations).</summary>
    internal AgentDialPlan Plan => _plan;

    internal TrunkDialer Trunk => _trunk;

    public async Task<CallCenterResult> PlaceCallAsync(string agentId, string number, CancellationToken cancellationToken)
    {
        if (number is not { Length: >= 3 and <= 20 } || !number.All(char.IsAsciiDigit))
        {
            return CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, "number must be 3 to 20 digits");
        }
        if (_plan.Refusal(number) is { } refusal)
        {
            CallsLog.AgentDialRefused(_center.Logger, agentId, number, refusal);
            return CallCenterResult.Refuse(CallCenterRefusal.Forbidden, refusal);
        }
        if (!_trunk.HasTrunk)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "no trunk is configured for outbound calls");
        }
        var (attempt, refused) = await _center.InvokeAsync(() => RingAgent(agentId, number)).ConfigureAwait(false);
        if (attempt is null)
        {
            return refused!;
        }
        try
        {
            return await ConnectAsync(attempt, agentId, number, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await attempt.AgentLeg.CancelAsync().ConfigureAwait(false);
            await attempt.AgentLeg.HangUpAsync("placing the call was cancelled").ConfigureAwait(false);
            await FailAsync(attempt).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Loop only: the agent is seized and its phone rung, or the precise reason why not.</summary>
    private (Attempt? Attempt, CallCenterResult? Refused) RingAgent(string agentId, string number)
    {
        if (_center.CallOf(agentId) is { } current)
        {
            return (null, CallCenterResult.Refuse(CallCenterRefusal.WrongState, $"agent {agentId} is ON_CALL with call {current.Id}"));
        }
        var links = _center.Links;
        var contact = links.Locator.GetContacts(agentId).LastOrDefault();
        if (contact is null || !SipUri.TryParse(contact.ContactUri, out var target))
        {
            return (null, CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} has not registered a phone"));
        }
        if (RtpRelay.TryStart(links.Ports) is not { } relay)
        {
            return (null, CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "RTP ports exhausted"));
        }
        var callId = _center.NewCallId();
        var seized = _center.Run(acd => acd.Seize(callId, agentId, _queueId, number));
        if (seized.IsRefused)
        {
            _ = relay.DisposeAsync().AsTask();
            return (null, CallCenterResult.Refuse(CallCenterRefusal.WrongState, seized.Refusal!));
        }
        // The agent's phone shows the number it is calling.
        var leg = links.Outbound.Start(new OutboundLegRequest(
            target,
            contact.ReachVia,
            number,
            null,
            $"sip:{agentId}@{links.Domain}",
            new IPEndPoint(links.Ports.BindAddress, relay.Agent.LocalPort),
            AgentRingTimeout,
            links.OffersSrtp(contact)));
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        leg.RemoteEnded += (_, _) => gone.TrySetResult();
        return (new Attempt(callId, relay, leg, gone.Task), null);
    }

    private async Task<CallCenterResult> ConnectAsync(Attempt attempt, string agentId, string number, CancellationToken cancellationToken)
    {
        var agent = await attempt.AgentLeg.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (agent.Outcome != OutboundLegOutcome.Answered || agent.Media is not { } agentMedia)
        {
            await FailAsync(attempt).ConfigureAwait(false);
            return Unreached($"the phone of agent {agentId} was not reached", agent);
        }
        var citizen = _trunk.Dial(number, attempt.Relay.Caller.LocalPort)!;
        var first = await Task.WhenAny(citizen.Completion, attempt.AgentGone).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (first == attempt.AgentGone)
        {
            await citizen.CancelAsync().ConfigureAwait(false);
            await FailAsync(attempt).ConfigureAwait(false);
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, $"agent {agentId} hung up before {number} answered");
        }
        var answered = await citizen.Completion.ConfigureAwait(false);
        if (answered.Outcome != OutboundLegOutcome.Answered || answered.Media is not { } citizenMedia)
        {
            await attempt.AgentLeg.HangUpAsync("the number was not reached").ConfigureAwait(false);
            await FailAsync(attempt).ConfigureAwait(false);
            return Unreached($"{number} was not reached", answered);
        }
        var started = await _center.InvokeAsync(() =>
        {
            if (attempt.AgentGone.IsCompleted)
            {
                return false;
            }
            var call = new HotlineCall(_center, new OutboundCallerLeg(citizen, citizenMedia, attempt.Relay, _trunk.HotlineNumber, number),
                attempt.CallId, priorityCaller: false, directQueue: _queueId);
            _center.Adopt(call);
            call.StartPlacedByAgent(agentId, attempt.AgentLeg, agentMedia);
            return true;
        }).ConfigureAwait(false);
        if (!started)
        {
            await citizen.HangUpAsync("the agent hung up").ConfigureAwait(false);
            await FailAsync(attempt).ConfigureAwait(false);
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, $"agent {agentId} hung up before {number} answered");
        }
        CallsLog.AgentPlacedCall(_center.Logger, agentId, attempt.CallId, number);
        return new CallCenterResult(null, attempt.CallId);
    }

    /// <summary>Nothing was connected: the agent wraps up as after any attempt, the relay's ports go back.</summary>
    private async Task FailAsync(Attempt attempt)
    {
        await _center.InvokeAsync(() => _center.Run(acd => acd.CallEnded(attempt.CallId))).ConfigureAwait(false);
        await attempt.Relay.DisposeAsync().ConfigureAwait(false);
    }

    private static CallCenterResult Unreached(string what, OutboundLegResult result) =>
        CallCenterResult.Refuse(CallCenterRefusal.Unavailable, string.Create(CultureInfo.InvariantCulture, $"{what}: {result.StatusCode} {result.Reason}"));

    private sealed record Attempt(string CallId, RtpRelay Relay, OutboundLeg AgentLeg, Task AgentGone);
}
