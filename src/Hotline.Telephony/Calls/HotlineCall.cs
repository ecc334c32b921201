using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Media.Dtmf;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Calls;

/// <summary>
/// One citizen's call from answer to hang-up: the caller's leg and its relay, and the events that become the
/// call detail record. Its collaborators do the rest: the <see cref="CallerFlow"/> (IVR, queue, survey and
/// what the caller hears), the <see cref="AgentConnection"/> (the agent rung, talking, on hold, recorded),
/// the <see cref="CallTransfer"/>, the <see cref="ThreePartyCall"/> and the <see cref="SupervisorMonitor"/>.
/// Every method runs on the call center's loop; callbacks from other threads post there first.
/// </summary>
internal sealed class HotlineCall
{
    // No 7-bit RTP payload type equals this, so the agent side's detector never reports: agents' keys are
    // for the caller's ears (forwarded by the relay), not for our flows.
    private const byte NoTelephoneEvents = 0xFF;

    private readonly List<CallRecordEvent> _events = [];

    /// <param name="returnVisit">A return-visit call we placed: the citizen hears the survey, never the IVR or a queue.</param>
    /// <param name="reservation">An agent-first callback: the agent held for it takes the call first.</param>
    public HotlineCall(CallCenter center, ICallerLeg caller, string id, bool priorityCaller, string? directQueue, bool returnVisit = false, string? reservation = null)
    {
        Center = center;
        Caller = caller;
        Id = id;
        Flow = new CallerFlow(this, priorityCaller, directQueue, returnVisit, reservation);
        Agent = new AgentConnection(this);
        Transfers = new CallTransfer(this);
        ThreeParty = new ThreePartyCall(this);
        Consultation = new Consultation(this);
        Monitor = new SupervisorMonitor(this);
    }

    public string Id { get; }

    public string? QueueId => Flow.QueueId;

    public string CallerNumber => Caller.CallerNumber;

    /// <summary>The agent talking with the caller, if any.</summary>
    public string? ConnectedAgent => Agent.ConnectedAgent;

    internal CallCenter Center { get; }

    internal ICallerLeg Caller { get; }

    internal RtpRelay Relay => Caller.Relay;

    internal DateTimeOffset Now => Center.Time.GetUtcNow();

    /// <summary>The call is over: nothing more is played, rung or recorded.</summary>
    internal bool Ended { get; private set; }

    internal IReadOnlyList<CallRecordEvent> Events => _events;

    internal CallerFlow Flow { get; }

    internal AgentConnection Agent { get; }

    internal CallTransfer Transfers { get; }

    internal ThreePartyCall ThreeParty { get; }

    internal Consultation Consultation { get; }
    internal SupervisorMonitor Monitor { get; }

    public void Start()
    {
        Listen();
        if (Caller.HasEnded)
        {
            // Hung up between the answer and this call reaching the loop: its BYE had nobody to tell.
            OnCallerHungUp();
            return;
        }
        Flow.Start();
    }

    /// <summary>
    /// A call an agent placed (AgentDesk.PlaceCall): the agent's phone answered before the citizen did, so
    /// there is no menu and no queue; the two are bridged and recorded at once, the agent on the record.
    /// </summary>
    public void StartPlacedByAgent(string agentId, B2bua.OutboundLeg agentLeg, B2bua.NegotiatedMedia agentMedia)
    {
        Listen();
        Record(new IvrStepTaken(Now, PlacedByAgentStep));
        Agent.Connect(agentId, agentLeg, agentMedia);
        if (Caller.HasEnded)
        {
            OnCallerHungUp();
        }
    }

    /// <summary>The IVR path's mark of a call an agent placed (the record's caller is the citizen dialled).</summary>
    internal const string PlacedByAgentStep = "placed-by-agent";

    private void Listen()
    {
        // Until an agent answers nothing crosses the relay: the caller hears only us.
        Relay.Caller.ForwardingEnabled = false;
        Relay.Agent.ForwardingEnabled = false;
        var callerEvents = Caller.TelephoneEventPayloadType ?? NoTelephoneEvents;
        Relay.AddTap(new DtmfTap(callerEvents, NoTelephoneEvents, (side, digit) =>
        {
            if (side == RtpLegSide.Caller)
            {
                Center.Post(() => OnDigit(digit.Digit));
            }
        }));
        Caller.Digit += key => Center.Post(() => OnDigit(key));
        Caller.RemoteEnded += _ => Center.Post(OnCallerHungUp);
        Record(new CallArrived(Now, Caller.CallerNumber, Caller.CalledNumber));
    }

    public void RingAgent(string agentId) => Agent.Ring(agentId);

    public void OnOfferEnded(string agentId, OfferEndReason reason) => Agent.OnOfferEnded(agentId, reason);

    public void OnAgentAnswered(string agentId) => Agent.OnAnswered(agentId);

    public CallCenterResult SetHold(bool hold) => Agent.SetHold(hold);

    public CallCenterResult Transfer(string target, bool attended) => Transfers.Transfer(target, attended);

    public Task<CallCenterResult> AddThirdParty(string number) => ThreeParty.Add(number);

    public CallCenterResult LeaveThreeParty() => ThreeParty.Leave();

    public void OnQueued(int position, TimeSpan? estimatedWait) => Flow.OnQueued(position, estimatedWait);

    public void OnCallbackOffered() => Flow.OnCallbackOffered();

    public void OnOverflow(string? target) => Flow.OnOverflow(target);

    /// <summary>The host is stopping: both sides get a BYE and the record is written now.</summary>
    public Task EndForShutdown()
    {
        if (Ended)
        {
            return Task.CompletedTask;
        }
        Record(new CallHungUp(Now, HangUpSide.System));
        var hangUps = new List<Task> { Caller.HangUpAsync("hotline stopping") };
        if (Agent.Leg is { } leg)
        {
            hangUps.Add(leg.HangUpAsync("hotline stopping"));
        }
        Finish();
        return Task.WhenAll(hangUps);
    }

    /// <summary>The IVR, survey or a departed department is done with the caller: we hang up.</summary>
    internal void HangUpByHotline(string reason = "hotline hung up")
    {
        Record(new CallHungUp(Now, HangUpSide.System));
        _ = Caller.HangUpAsync(reason);
        if (Agent.Leg is { } leg)
        {
            _ = leg.HangUpAsync("call ended");
        }
        Finish();
    }

    internal void Record(CallRecordEvent callEvent) => _events.Add(callEvent);

    internal AgentCallNotice Notice(AgentCallPhase phase, string? detail = null) =>
        new(phase, Id, Caller.CallerNumber, QueueId ?? string.Empty, Now, detail);

    private void OnDigit(char key)
    {
        if (!Ended)
        {
            Flow.Digit(key, agentConnected: Agent.Leg is not null);
        }
    }

    private void OnCallerHungUp()
    {
        if (Ended)
        {
            return;
        }
        Record(new CallHungUp(Now, HangUpSide.Caller));
        Flow.CallerHungUp();
        if (Agent.Leg is { } leg)
        {
            _ = leg.HangUpAsync("caller hung up");
            Center.Publish(Agent.AgentId!, Notice(AgentCallPhase.Ended, "caller hung up"));
        }
        Finish();
    }

    private void Finish()
    {
        Ended = true;
        Flow.Stop();
        Agent.Stop();
        _ = Transfers.TakeReleaseOnAnswer()?.HangUpAsync("call ended");
        ThreeParty.End();
        Consultation.End();
        Monitor.End("call ended");
        Agent.StopRecording();
        // Ends any queue place or offer; a caller who chose a callback keeps the place in line.
        Center.Run(acd => acd.CallEnded(Id));
        Center.Metrics.MediaClosed(Relay);
        Center.OnCallFinished(this, CallDetailRecordBuilder.Fold(Id, _events));
    }
}
